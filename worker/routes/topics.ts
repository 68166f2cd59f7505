import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import { TopicInputSchema, TopicPatchSchema, TopicSchema } from "../contracts/topics";
import { clientIp } from "../middleware/auth";
import { createTopic, deleteTopic, listTopics, updateTopic } from "../services/topics";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Topics"];

const ABOUT =
	"Topics are what a contact can opt out of one by one on the preference page (`/u/:token`), without unsubscribing from everything. A campaign about a topic (`topic_id`) leaves out the contacts who opted out of it (counted as `suppressed`), and its audience count does too.";

export const topicRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "The workspace's topics, each with how many contacts opted out of it",
			description: ABOUT,
			responses: { 200: jsonResponse(page(TopicSchema), "All topics (one page)") },
		}),
		async (c) => c.json(await listTopics(c.var.db, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Add a topic contacts can opt out of",
			description: ABOUT,
			request: { body: jsonBody(TopicInputSchema) },
			responses: { 201: jsonResponse(TopicSchema, "The new topic") },
		}),
		async (c) => c.json(await createTopic(c.var.db, c.var.principal, c.req.valid("json"), clientIp(c)), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Rename a topic or change its description",
			request: { params: IdParamSchema, body: jsonBody(TopicPatchSchema) },
			responses: { 200: jsonResponse(TopicSchema, "The topic") },
		}),
		async (c) =>
			c.json(
				await updateTopic(c.var.db, c.var.principal, c.req.valid("param").id, c.req.valid("json"), clientIp(c)),
				200,
			),
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a topic: its opt-outs are forgotten and its campaigns reach everyone again",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteTopic(c.var.db, c.var.principal, c.req.valid("param").id, clientIp(c));
			return c.json({ ok: true as const }, 200);
		},
	);
