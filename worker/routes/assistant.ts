import { OpenAPIHono } from "@hono/zod-openapi";
import { streamAssistantReply } from "../ai/chat";
import { type ModelResolver, SETUP_HELP } from "../ai/model";
import { publicBaseUrl } from "../config";
import type { AppEnv } from "../context";
import {
	AssistantStatusSchema,
	ChatBodySchema,
	ConversationDetailSchema,
	ConversationSchema,
	CreateConversationBodySchema,
} from "../contracts/assistant";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import { ApiError } from "../errors";
import { clientIp } from "../middleware/auth";
import {
	createConversation,
	deleteConversation,
	getConversation,
	listConversations,
	ownerOf,
	requireConversation,
} from "../services/conversations";
import { takeAttempt } from "../services/rate-limit";
import { getWorkspace } from "../services/workspace";
import { defineRoute, jsonBody, jsonResponse, z } from "./define";
import { validationHook } from "./validation";

const tags = ["Assistant"];
/** Model calls cost money: each caller gets this many messages an hour. */
const MESSAGES_PER_HOUR = 120;

/** The assistant's routes; `resolveModel` picks the model (from configuration, or a test's mock). */
export const assistantRoutes = (resolveModel: ModelResolver) =>
	new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
		.openapi(
			defineRoute("self", {
				method: "get",
				path: "/",
				tags,
				summary: "Whether a model is configured, which one, and how to configure one",
				responses: { 200: jsonResponse(AssistantStatusSchema, "The assistant's status") },
			}),
			(c) => {
				const choice = resolveModel(c.env);
				return c.json(
					{
						configured: choice !== null,
						provider: choice?.provider ?? null,
						model: choice?.modelId ?? null,
						setup_help: choice ? null : SETUP_HELP,
					},
					200,
				);
			},
		)
		.openapi(
			defineRoute("self", {
				method: "get",
				path: "/conversations",
				tags,
				summary: "Your conversations with the assistant, newest first",
				request: { query: PageQuerySchema },
				responses: { 200: jsonResponse(page(ConversationSchema), "A page of conversations") },
			}),
			async (c) => c.json(await listConversations(c.env.DB, c.var.principal, c.req.valid("query")), 200),
		)
		.openapi(
			defineRoute("self", {
				method: "post",
				path: "/conversations",
				tags,
				summary: "Start a new conversation",
				request: { body: jsonBody(CreateConversationBodySchema) },
				responses: { 201: jsonResponse(ConversationSchema, "The conversation") },
			}),
			async (c) => c.json(await createConversation(c.env.DB, c.var.principal, c.req.valid("json").title), 201),
		)
		.openapi(
			defineRoute("self", {
				method: "get",
				path: "/conversations/{id}",
				tags,
				summary: "A conversation with its messages (UIMessage parts, tool calls and results included)",
				request: { params: IdParamSchema },
				responses: { 200: jsonResponse(ConversationDetailSchema, "The conversation") },
			}),
			async (c) => c.json(await getConversation(c.env.DB, c.var.principal, c.req.valid("param").id), 200),
		)
		.openapi(
			defineRoute("self", {
				method: "delete",
				path: "/conversations/{id}",
				tags,
				summary: "Delete a conversation and its messages",
				request: { params: IdParamSchema },
				responses: { 200: jsonResponse(OkSchema, "Deleted") },
			}),
			async (c) => {
				await deleteConversation(c.env.DB, c.var.principal, c.req.valid("param").id);
				return c.json({ ok: true as const }, 200);
			},
		)
		.openapi(
			defineRoute("self", {
				method: "post",
				path: "/chat",
				tags,
				summary: "Send a message; the answer streams back as an `ai` SDK UI message stream (server-sent events)",
				description:
					"Tools run as the caller: a viewer's assistant reads but cannot create anything, and no tool sends, schedules or deletes. Answers 503 `assistant_not_configured` when no model is configured.",
				request: { body: jsonBody(ChatBodySchema) },
				responses: {
					200: {
						description: "The answer, streamed (text deltas, tool calls and their results)",
						content: { "text/event-stream": { schema: z.string() } },
					},
					503: jsonResponse(z.object({}), "No model is configured"),
				},
			}),
			async (c) => {
				const choice = resolveModel(c.env);
				if (!choice) throw new ApiError("assistant_not_configured", SETUP_HELP);
				const body = c.req.valid("json");
				const principal = c.var.principal;
				await requireConversation(c.env.DB, principal, body.conversation_id);
				const limit = [{ key: `assistant:${ownerOf(principal)}`, max: MESSAGES_PER_HOUR, windowMs: 3_600_000 }];
				// Counted before the model is called, atomically: parallel messages cannot overshoot the limit.
				await takeAttempt(c.var.db, limit);
				const workspace = await getWorkspace(c.var.db, principal.workspaceId);
				return streamAssistantReply({
					env: c.env,
					d1: c.env.DB,
					requestUrl: c.req.url,
					ip: clientIp(c),
					principal,
					workspaceName: workspace.name,
					choice,
					body,
					tokenSecret: c.env.TOKEN_SECRET ?? null,
					baseUrl: publicBaseUrl(c.env, c.req.url),
					waitUntil: (promise) => c.executionCtx.waitUntil(promise),
				});
			},
		);
