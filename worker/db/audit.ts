import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { auditLog } from "./schema";

export type AuditRow = typeof auditLog.$inferInsert;

/** The insert of one audit entry, for the same `db.batch` as the change it records. */
export function insertAuditStatement(db: Db, row: AuditRow) {
	return db.insert(auditLog).values(row);
}

/** A workspace's audit entries older than `beforeId`, newest first. */
export function auditPage(db: Db, workspaceId: string, beforeId: string, limit: number) {
	return db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.workspaceId, workspaceId), lt(auditLog.id, beforeId)))
		.orderBy(desc(auditLog.id))
		.limit(limit);
}

export type AuditFilter = {
	actorId?: string;
	/** An exact action, or every action under a prefix ending in "." (such as `campaign.`). */
	action?: string;
	targetType?: string;
	targetId?: string;
	/** Id bounds from the time filters (ids sort by creation time). */
	fromId?: string;
	untilId?: string;
};

/** A filtered page of a workspace's audit entries older than `beforeId`, newest first (by the workspace index). */
export function auditPageFiltered(db: Db, workspaceId: string, beforeId: string, limit: number, f: AuditFilter) {
	const upper = f.untilId && f.untilId < beforeId ? f.untilId : beforeId;
	return db
		.select()
		.from(auditLog)
		.where(
			and(
				eq(auditLog.workspaceId, workspaceId),
				lt(auditLog.id, upper),
				f.fromId ? gte(auditLog.id, f.fromId) : undefined,
				f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
				f.action?.endsWith(".")
					? sql`substr(${auditLog.action}, 1, ${f.action.length}) = ${f.action}`
					: f.action
						? eq(auditLog.action, f.action)
						: undefined,
				f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
				f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
			),
		)
		.orderBy(desc(auditLog.id))
		.limit(limit);
}

/** Deletes at most `limit` of a workspace's entries older than `beforeId`; answers how many went. */
export async function deleteAuditBefore(db: Db, workspaceId: string, beforeId: string, limit: number) {
	const doomed = db
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(and(eq(auditLog.workspaceId, workspaceId), lt(auditLog.id, beforeId)))
		.limit(limit);
	const gone = await db.delete(auditLog).where(inArray(auditLog.id, doomed)).returning({ id: auditLog.id });
	return gone.length;
}
