import { and, desc, eq, lt } from "drizzle-orm";
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
