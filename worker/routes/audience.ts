import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { AudienceQuerySchema, AudienceSizeSchema } from "../contracts/audience";
import { audienceSize } from "../services/audience";
import { defineRoute, jsonResponse } from "./define";
import { validationHook } from "./validation";

/** The audience of a campaign not saved yet (a saved one: GET /campaigns/{id}/audience). */
export const audienceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
	defineRoute("viewer", {
		method: "get",
		path: "/",
		tags: ["Campaigns"],
		summary:
			"How many contacts a send to a segment (or to all subscribed contacts) reaches, and how many it would mail now",
		request: { query: AudienceQuerySchema },
		responses: { 200: jsonResponse(AudienceSizeSchema, "The counts") },
	}),
	async (c) =>
		c.json(await audienceSize(c.env.DB, c.var.principal.workspaceId, c.req.valid("query").segment_id ?? null), 200),
);
