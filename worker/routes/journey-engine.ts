import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema } from "../contracts/common";
import {
	ContactJourneySchema,
	EnrollmentSchema,
	EnrollmentsQuerySchema,
	JourneyEnrolledSchema,
	JourneyEnrollSchema,
	JourneyStatsSchema,
} from "../contracts/journey-engine";
import { ApiError } from "../errors";
import { authorize, isSameOrigin } from "../middleware/auth";
import { contactJourneys, enrollThroughApi, listEnrollments } from "../services/journey-engine";
import { journeyLive } from "../services/journey-live";
import { journeyStats } from "../services/journey-stats";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Journeys"];

/** Mounted at /api/v1/journeys, next to the journey CRUD and lifecycle routes. */
export const journeyEngineRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/{id}/enroll",
			tags,
			summary: "Put a contact into an active journey now (409 names the re-entry rule that refuses it)",
			request: { params: IdParamSchema, body: jsonBody(JourneyEnrollSchema) },
			responses: { 202: jsonResponse(JourneyEnrolledSchema, "Entered") },
		}),
		async (c) =>
			c.json(
				await enrollThroughApi(
					c.env,
					c.var.db,
					c.var.principal.workspaceId,
					c.req.valid("param").id,
					c.req.valid("json"),
				),
				202,
			),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/stats",
			tags,
			summary: "Entered, active, completed, exits by reason, conversion, and per step who waits there and who passed",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(JourneyStatsSchema, "The journey's numbers") },
		}),
		async (c) => c.json(await journeyStats(c.env, c.var.db, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/enrollments",
			tags,
			summary: "Who is or was in the journey (oldest first), each with the path taken and why they left",
			request: { params: IdParamSchema, query: EnrollmentsQuerySchema },
			responses: {
				200: jsonResponse(
					z.object({ data: z.array(EnrollmentSchema), next_cursor: z.string().nullable() }),
					"A page of enrollments",
				),
			},
		}),
		async (c) =>
			c.json(
				await listEnrollments(
					c.env,
					c.var.db,
					c.var.principal.workspaceId,
					c.req.valid("param").id,
					c.req.valid("query"),
				),
				200,
			),
	)
	// The live socket (API.md): a `snapshot`, then `stats` updates (worker/contracts/journey-live.ts).
	.get("/:id/live", authorize("viewer"), async (c) => {
		if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
			throw new ApiError("bad_request", "Connect with a WebSocket");
		// Browsers send cookies with cross-site WebSocket handshakes; only our own pages may open one.
		if (c.var.principal.kind === "session" && !isSameOrigin(c))
			throw new ApiError("csrf_failed", "This socket was not opened by the Pulse dashboard");
		return journeyLive(c.env, c.var.db, c.var.principal.workspaceId, c.req.param("id"));
	});

/** Mounted at /api/v1: a contact's journeys. */
export const contactJourneyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
	defineRoute("viewer", {
		method: "get",
		path: "/contacts/{id}/journeys",
		tags: ["Contacts"],
		summary: "The journeys a contact is or was in, with the path taken and why they left",
		request: { params: IdParamSchema },
		responses: { 200: jsonResponse(z.object({ data: z.array(ContactJourneySchema) }), "The contact's journeys") },
	}),
	async (c) =>
		c.json({ data: await contactJourneys(c.env, c.var.db, c.var.principal.workspaceId, c.req.valid("param").id) }, 200),
);
