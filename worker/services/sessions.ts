import type { Principal } from "../context";
import type { Db } from "../db/client";
import { findLiveSessionWithRole, insertSession, markSessionRevoked, setSessionWorkspace } from "../db/sessions";
import { randomToken, sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";
import { forgetSession, principalCache } from "./principal-cache";

export const SESSION_COOKIE = "pulse_session";

export async function createSession(db: Db, userId: string, workspaceId: string, ttlHours: number) {
	const token = randomToken(32);
	const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
	const id = newId("ses");
	await insertSession(db, { id, tokenHash: await sha256Hex(token), userId, workspaceId, expiresAt });
	return { id, token, expiresAt };
}

/**
 * A session is valid while unrevoked, unexpired and its user is still a member of its workspace.
 * The answer is kept for a few seconds per isolate (see principal-cache), never past the session's expiry.
 */
export async function resolveSession(db: Db, token: string): Promise<Principal | null> {
	const tokenHash = await sha256Hex(token);
	const cacheKey = `session:${tokenHash}`;
	const cached = principalCache.get(cacheKey);
	if (cached) return cached.principal;
	const row = await findLiveSessionWithRole(db, tokenHash, new Date(principalCache.now()));
	if (!row) return null;
	const principal: Principal = {
		kind: "session",
		sessionId: row.id,
		userId: row.userId,
		workspaceId: row.workspaceId,
		role: row.role,
	};
	principalCache.set(cacheKey, { principal, lastUsedAt: null }, row.expiresAt.getTime());
	return principal;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
	await markSessionRevoked(db, sessionId, new Date());
	forgetSession(sessionId);
}

export async function switchSessionWorkspace(db: Db, sessionId: string, workspaceId: string): Promise<void> {
	await setSessionWorkspace(db, sessionId, workspaceId);
	forgetSession(sessionId);
}
