import { and, desc, eq, gte, like, lt, lte, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { auditLog } from "./schema";

export type AuditFilter = {
	/** An action, or a prefix ending in "." (`campaign.` = every campaign action). */
	action?: string;
	actorId?: string;
	targetType?: string;
	targetId?: string;
	since?: Date;
	until?: Date;
};

/** A workspace's audit entries matching every given filter, older than `beforeId`, newest first. */
export function searchAuditPage(db: Db, workspaceId: string, filter: AuditFilter, beforeId: string, limit: number) {
	const where: SQL[] = [eq(auditLog.workspaceId, workspaceId), lt(auditLog.id, beforeId)];
	if (filter.action)
		where.push(
			filter.action.endsWith(".")
				? like(auditLog.action, `${filter.action.replace(/[%_]/g, "")}%`)
				: eq(auditLog.action, filter.action),
		);
	if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
	if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
	if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
	if (filter.since) where.push(gte(auditLog.createdAt, filter.since));
	if (filter.until) where.push(lte(auditLog.createdAt, filter.until));
	return db
		.select()
		.from(auditLog)
		.where(and(...where))
		.orderBy(desc(auditLog.id))
		.limit(limit);
}
