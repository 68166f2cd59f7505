import { and, eq, gt, isNull } from "drizzle-orm";
import type { Principal } from "../context";
import type { Db } from "../db/client";
import { memberships, sessions } from "../db/schema";
import { randomToken, sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";

export const SESSION_COOKIE = "pulse_session";

export async function createSession(db: Db, userId: string, workspaceId: string, ttlHours: number) {
	const token = randomToken(32);
	const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
	const id = newId("ses");
	await db.insert(sessions).values({ id, tokenHash: await sha256Hex(token), userId, workspaceId, expiresAt });
	return { id, token, expiresAt };
}

/** A session is valid while unrevoked, unexpired and its user is still a member of its workspace. */
export async function resolveSession(db: Db, token: string): Promise<Principal | null> {
	const tokenHash = await sha256Hex(token);
	const [row] = await db
		.select({ id: sessions.id, userId: sessions.userId, workspaceId: sessions.workspaceId, role: memberships.role })
		.from(sessions)
		.innerJoin(
			memberships,
			and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)),
		)
		.where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
		.limit(1);
	if (!row) return null;
	return { kind: "session", sessionId: row.id, userId: row.userId, workspaceId: row.workspaceId, role: row.role };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
	await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function switchSessionWorkspace(db: Db, sessionId: string, workspaceId: string): Promise<void> {
	await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, sessionId));
}
