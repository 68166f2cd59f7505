import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "./client";
import { memberships, sessions } from "./schema";

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
	await db.insert(sessions).values(row);
}

/** A live session by the hash of its token, with its user's current role in its workspace (none: not a member). */
export async function findLiveSessionWithRole(db: Db, tokenHash: string, now: Date) {
	const [row] = await db
		.select({
			id: sessions.id,
			userId: sessions.userId,
			workspaceId: sessions.workspaceId,
			expiresAt: sessions.expiresAt,
			role: memberships.role,
		})
		.from(sessions)
		.innerJoin(
			memberships,
			and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)),
		)
		.where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
		.limit(1);
	return row ?? null;
}

export async function markSessionRevoked(db: Db, sessionId: string, at: Date): Promise<void> {
	await db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, sessionId));
}

export async function setSessionWorkspace(db: Db, sessionId: string, workspaceId: string): Promise<void> {
	await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, sessionId));
}
