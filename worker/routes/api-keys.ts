import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import { ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema } from "../contracts/workspace";
import { clientIp } from "../middleware/auth";
import { createApiKey, listApiKeys, revokeApiKey } from "../services/api-keys";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["API keys"];

export const apiKeyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("admin", {
			method: "get",
			path: "/",
			tags,
			summary: "Active API keys (secrets are never shown again)",
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(ApiKeySchema), "A page of keys") },
		}),
		async (c) => c.json(await listApiKeys(c.var.db, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/",
			tags,
			summary: "Create an API key with a role no higher than yours; the secret is in this response only",
			request: { body: jsonBody(CreateApiKeyBodySchema) },
			responses: { 201: jsonResponse(CreatedApiKeySchema, "The key, with its secret") },
		}),
		async (c) => c.json(await createApiKey(c.var.db, c.var.principal, c.req.valid("json"), clientIp(c)), 201),
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Revoke an API key; it stops working at once",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Revoked") },
		}),
		async (c) => {
			await revokeApiKey(c.var.db, c.var.principal, c.req.valid("param").id, clientIp(c));
			return c.json({ ok: true as const }, 200);
		},
	);
