import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "./client";
import { outboxMessages } from "./schema-templates";

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** Newest first, ids below `beforeId`, optionally of one campaign. */
export function outboxPage(
	db: Db,
	workspaceId: string,
	filter: { beforeId: string; campaignId?: string },
	limit: number,
): Promise<OutboxRow[]> {
	return db
		.select()
		.from(outboxMessages)
		.where(
			and(
				eq(outboxMessages.workspaceId, workspaceId),
				lt(outboxMessages.id, filter.beforeId),
				filter.campaignId ? eq(outboxMessages.campaignId, filter.campaignId) : undefined,
			),
		)
		.orderBy(desc(outboxMessages.id))
		.limit(limit);
}

export async function findOutboxRow(db: Db, workspaceId: string, id: string): Promise<OutboxRow | undefined> {
	const [row] = await db
		.select()
		.from(outboxMessages)
		.where(and(eq(outboxMessages.id, id), eq(outboxMessages.workspaceId, workspaceId)))
		.limit(1);
	return row;
}
