import { OpenAPIHono } from "@hono/zod-openapi";
import { tokenSecret } from "../config";
import type { AppEnv } from "../context";
import { IdParamSchema, page } from "../contracts/common";
import { OutboxMessageSchema, OutboxQuerySchema } from "../contracts/templates";
import { neutraliseTracking } from "../domain/tracking/neutralise";
import { getOutboxMessage, listOutbox } from "../services/outbox";
import { defineRoute, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Outbox"];

export const outboxRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Messages captured by the capture provider (when no Resend key is configured), newest first",
			request: { query: OutboxQuerySchema },
			responses: { 200: jsonResponse(page(OutboxMessageSchema), "A page of captured messages") },
		}),
		async (c) => c.json(await listOutbox(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "One captured message with its rendered HTML, text and headers, and `preview_html` that is safe to view",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OutboxMessageSchema, "The message") },
		}),
		async (c) => {
			const message = await getOutboxMessage(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			return c.json({ ...message, preview_html: await neutraliseTracking(message.html, tokenSecret(c.env)) }, 200);
		},
	);
