import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context";
import { createSession, SESSION_COOKIE } from "../services/sessions";

const isHttps = (c: Context<AppEnv>) => new URL(c.req.url).protocol === "https:";

/** Starts a session and hands its token to the browser as an HttpOnly, SameSite=Lax cookie. */
export async function startSession(c: Context<AppEnv>, userId: string, workspaceId: string) {
	const ttlHours = Number(c.env.SESSION_TTL_HOURS) || 336;
	const session = await createSession(c.var.db, userId, workspaceId, ttlHours);
	setCookie(c, SESSION_COOKIE, session.token, {
		httpOnly: true,
		sameSite: "Lax",
		secure: isHttps(c),
		path: "/",
		expires: session.expiresAt,
	});
	return session;
}

export function clearSessionCookie(c: Context<AppEnv>) {
	deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c), httpOnly: true, sameSite: "Lax" });
}
