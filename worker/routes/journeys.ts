import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { servedLocally } from "../config";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import { JourneyInputSchema, JourneyLifecycleSchema, JourneyPatchSchema, JourneySchema } from "../contracts/journeys";
import type { JourneyCommand } from "../domain/journeys/lifecycle";
import { clientIp } from "../middleware/auth";
import { journeyActivated, journeyChanged } from "../services/journey-engine";
import {
	createJourney,
	getJourney,
	journeyCommand,
	listJourneys,
	patchJourney,
	removeJourney,
} from "../services/journeys";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Journeys"];
const local = (c: Context<AppEnv>) => servedLocally(c.env, c.req.url);
const caller = (c: Context<AppEnv>) => ({ actor: c.var.principal, ip: clientIp(c), local: local(c) });

const COMMANDS: Record<JourneyCommand, string> = {
	activate: "Start the journey (a draft): the whole definition is checked first (422 names each step and field)",
	pause: "Hold every contact where they are; nothing is sent while paused",
	resume: "Carry on from where each contact was held",
	archive: "End the journey for good",
};

const commandRoute = (command: JourneyCommand) =>
	defineRoute("editor", {
		method: "post",
		path: `/{id}/${command}`,
		tags,
		summary: COMMANDS[command],
		request: { params: IdParamSchema },
		responses: { 200: jsonResponse(JourneyLifecycleSchema, "The journey's new status") },
	});

export const journeyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "The workspace's journeys, newest first",
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(JourneySchema), "A page of journeys") },
		}),
		async (c) => c.json(await listJourneys(c.var.db, c.var.principal.workspaceId, c.req.valid("query"), local(c)), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Create a journey as a draft (its `issues` say what activation still needs)",
			request: { body: jsonBody(JourneyInputSchema) },
			responses: { 201: jsonResponse(JourneySchema, "The new draft") },
		}),
		async (c) => c.json(await createJourney(c.var.db, caller(c), c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "A journey with its definition and what keeps it from running",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(JourneySchema, "The journey") },
		}),
		async (c) =>
			c.json(await getJourney(c.var.db, c.var.principal.workspaceId, c.req.valid("param").id, local(c)), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Change a journey; a new definition for an active or paused one must be valid and makes a new version",
			request: { params: IdParamSchema, body: jsonBody(JourneyPatchSchema) },
			responses: { 200: jsonResponse(JourneySchema, "The journey") },
		}),
		async (c) => {
			const { id } = c.req.valid("param");
			const journey = await patchJourney(c.var.db, caller(c), id, c.req.valid("json"));
			// A new version: the shards move contacts in flight to it at their next step.
			if (journey.status !== "draft") await journeyChanged(c.env, id);
			return c.json(journey, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a draft or archived journey",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await removeJourney(c.var.db, caller(c), c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(commandRoute("activate"), async (c) => {
		const { id } = c.req.valid("param");
		const result = await journeyCommand(c.var.db, caller(c), id, "activate");
		return c.json({ ...result, ...(await journeyActivated(c.env, c.var.db, c.var.principal.workspaceId, id)) }, 200);
	})
	.openapi(commandRoute("pause"), async (c) => {
		const result = await journeyCommand(c.var.db, caller(c), c.req.valid("param").id, "pause");
		await journeyChanged(c.env, c.req.valid("param").id);
		return c.json(result, 200);
	})
	.openapi(commandRoute("resume"), async (c) => {
		const result = await journeyCommand(c.var.db, caller(c), c.req.valid("param").id, "resume");
		await journeyChanged(c.env, c.req.valid("param").id);
		return c.json(result, 200);
	})
	.openapi(commandRoute("archive"), async (c) => {
		const result = await journeyCommand(c.var.db, caller(c), c.req.valid("param").id, "archive");
		await journeyChanged(c.env, c.req.valid("param").id);
		return c.json(result, 200);
	});
