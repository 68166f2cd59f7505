import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import type { Role } from "../contracts/common";
import { hasRole } from "../domain/roles";
import { ApiError, forbidden } from "../errors";
import { resolveApiKey } from "../services/api-keys";
import { resolveSession, SESSION_COOKIE } from "../services/sessions";

/**
 * What a route requires: nobody (`public`), any signed-in member acting on their own
 * session (`self`: logout, switching workspace), any member for a POST that changes
 * nothing (`read`: previews, counts), or a member of at least this role.
 */
export type Access = "public" | "self" | "read" | Role;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What an ingest key hears anywhere but the ingestion routes. */
export const INGEST_ONLY =
	"An ingest key can only send contacts and events (POST /v1/identify, /v1/track, /v1/batch); use another key";

/** A cookie-authenticated request that changes state must come from our own pages. */
export function isSameOrigin(c: Context<AppEnv>): boolean {
	const origin = c.req.header("origin");
	if (!origin) return c.req.header("sec-fetch-site") === "same-origin";
	const allowed = new Set([new URL(c.req.url).origin]);
	if (c.env.APP_URL) allowed.add(new URL(c.env.APP_URL).origin);
	return allowed.has(origin);
}

export function clientIp(c: Context<AppEnv>): string | null {
	return c.req.header("cf-connecting-ip") ?? null;
}

async function authenticate(c: Context<AppEnv>) {
	const authorization = c.req.header("authorization");
	if (authorization) {
		const match = /^Bearer\s+(\S+)$/i.exec(authorization);
		const resolved = match?.[1] ? await resolveApiKey(c.var.db, match[1]) : null;
		if (!resolved) throw new ApiError("unauthorized", "The API key is invalid or revoked");
		if (resolved.touch) c.executionCtx.waitUntil(resolved.touch);
		if (resolved.principal.kind === "api_key" && resolved.principal.ingestOnly) throw forbidden(INGEST_ONLY);
		return resolved.principal;
	}
	const token = getCookie(c, SESSION_COOKIE);
	const principal = token ? await resolveSession(c.var.db, token) : null;
	if (!principal) throw new ApiError("unauthorized", "Sign in to continue");
	if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c)) {
		throw new ApiError("csrf_failed", "This request did not come from the Pulse dashboard");
	}
	return principal;
}

/**
 * The one gate every route passes: it authenticates the caller (API key or session),
 * checks CSRF for cookie requests, and refuses roles below what the route requires.
 * Viewers never change anything, whatever a route declares.
 */
export const authorize = (access: Access) =>
	createMiddleware<AppEnv>(async (c, next) => {
		if (access === "public") {
			if (!SAFE_METHODS.has(c.req.method) && c.req.header("origin") && !isSameOrigin(c)) {
				throw new ApiError("csrf_failed", "This request did not come from the Pulse dashboard");
			}
			return next();
		}
		const principal = await authenticate(c);
		const required: Role =
			access === "self" || access === "read"
				? "viewer"
				: access === "viewer" && !SAFE_METHODS.has(c.req.method)
					? "editor"
					: access;
		if (!hasRole(principal.role, required)) throw forbidden();
		c.set("principal", principal);
		await next();
	});
