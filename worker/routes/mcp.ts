import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createMcpHandler } from "@modelcontextprotocol/server";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { publicBaseUrl, servedLocally } from "../config";
import type { AppEnv } from "../context";
import { ErrorBodySchema } from "../contracts/common";
import { checkRequestOrigin } from "../domain/request-origin";
import { ApiError, forbidden } from "../errors";
import { buildMcpServer } from "../mcp/server";
import { clientIp, INGEST_ONLY } from "../middleware/auth";
import { resolveApiKey } from "../services/api-keys";

/**
 * The MCP endpoint's gate: the Host/Origin check against DNS rebinding first, then an API key
 * (`Authorization: Bearer`) and nothing else. Cookies never authenticate here, so no web page can
 * act through a signed-in member's session.
 */
const mcpGuard = createMiddleware<AppEnv>(async (c, next) => {
	const origin = checkRequestOrigin({
		url: c.req.url,
		host: c.req.header("host") ?? null,
		origin: c.req.header("origin") ?? null,
		appUrl: c.env.APP_URL,
	});
	if (!origin.ok) throw new ApiError("forbidden", origin.reason);
	const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
	const resolved = match?.[1] ? await resolveApiKey(c.var.db, match[1]) : null;
	if (!resolved)
		throw new ApiError("unauthorized", "Send a Pulse API key: Authorization: Bearer <key>", undefined, {
			"www-authenticate": 'Bearer realm="pulse"',
		});
	if (resolved.touch) c.executionCtx.waitUntil(resolved.touch);
	if (resolved.principal.kind === "api_key" && resolved.principal.ingestOnly) throw forbidden(INGEST_ONLY);
	c.set("principal", resolved.principal);
	await next();
});

/** One stateless exchange: a fresh server per request, bound to the key's workspace and role. */
function serve(c: Context<AppEnv>) {
	const ctx = {
		env: c.env,
		principal: c.var.principal,
		tokenSecret: c.env.TOKEN_SECRET ?? null,
		baseUrl: publicBaseUrl(c.env, c.req.url),
		requestUrl: c.req.url,
		ip: clientIp(c),
		local: servedLocally(c.env, c.req.url),
		via: "mcp" as const,
	};
	const handler = createMcpHandler(() => buildMcpServer(ctx), {
		onerror: (error) => console.error("mcp:", error.message),
	});
	return handler.fetch(c.req.raw);
}

const route = createRoute({
	method: "post",
	path: "/",
	tags: ["Integrations"],
	summary: "Model Context Protocol (Streamable HTTP, stateless): Pulse's tools for AI clients",
	description:
		"JSON-RPC messages per the MCP specification. `Authorization: Bearer <api key>`; the key's role decides which tools are listed and callable (a viewer's key lists only read-only tools). Requires: an API key (any role but ingest).",
	middleware: [mcpGuard] as const,
	security: [{ bearerAuth: [] }],
	responses: {
		200: {
			description: "The JSON-RPC answer (JSON or a server-sent event stream)",
			content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
		},
		401: {
			description: "No API key, or it is invalid or revoked",
			content: { "application/json": { schema: ErrorBodySchema } },
		},
		403: {
			description: "Another origin, or a key that may not use MCP",
			content: { "application/json": { schema: ErrorBodySchema } },
		},
	},
});

export const mcpRoutes = new OpenAPIHono<AppEnv>()
	.openapi(route, (c) => serve(c) as never)
	.on(["GET", "DELETE"], "/", mcpGuard, (c) => serve(c));
