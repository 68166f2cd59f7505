import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema } from "../contracts/common";
import {
	CalendarQuerySchema,
	CalendarSchema,
	MilestonesSchema,
	ReadinessSchema,
	TaskInputSchema,
	TaskPatchSchema,
	TaskSchema,
} from "../contracts/planning";
import { clientIp } from "../middleware/auth";
import { calendar } from "../services/planning-calendar";
import { campaignReadiness } from "../services/planning-readiness";
import { campaignMilestones, createTask, deleteTask, updateTask } from "../services/planning-tasks";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Planning"];
const caller = (c: Context<AppEnv>) => ({ actor: c.var.principal, ip: clientIp(c) });

/** Campaign planning: milestones and their tasks, the workspace calendar, the readiness checklist before send. */
export const planningRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/campaigns/{id}/milestones",
			tags,
			summary:
				"The campaign's milestones (content due, review due, test send, send) from its send date, with their tasks",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(MilestonesSchema, "Each milestone, its date, its state and its tasks") },
		}),
		async (c) => c.json(await campaignMilestones(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/campaigns/{id}/tasks",
			tags,
			summary: "Add a task to one of the campaign's milestones, with an assignee and a due date",
			request: { params: IdParamSchema, body: jsonBody(TaskInputSchema) },
			responses: { 201: jsonResponse(TaskSchema, "The task") },
		}),
		async (c) => c.json(await createTask(c.env.DB, caller(c), c.req.valid("param").id, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/tasks/{id}",
			tags,
			summary: "Change a task, or mark it done (`done: true`) or not done again",
			request: { params: IdParamSchema, body: jsonBody(TaskPatchSchema) },
			responses: { 200: jsonResponse(TaskSchema, "The task") },
		}),
		async (c) => c.json(await updateTask(c.env.DB, caller(c), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/tasks/{id}",
			tags,
			summary: "Delete a task",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteTask(c.env.DB, caller(c), c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/calendar",
			tags,
			summary: "Campaigns sent or scheduled, journeys activated and campaign milestones in a date range (≤ 100 days)",
			request: { query: CalendarQuerySchema },
			responses: { 200: jsonResponse(CalendarSchema, "Everything in the range, earliest first") },
		}),
		async (c) => c.json(await calendar(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/campaigns/{id}/readiness",
			tags,
			summary:
				"The checklist before send (audience, footer, unsubscribe, sender, test send, approvals, schedule) and its score",
			request: { params: IdParamSchema },
			responses: {
				200: jsonResponse(
					ReadinessSchema,
					"Each check with what to do, the share passed, and what send and schedule would answer now",
				),
			},
		}),
		async (c) => c.json(await campaignReadiness(c.env, c.var.principal, c.req.valid("param").id), 200),
	);
