import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { campaignTasks } from "./schema-ops";

export type TaskRow = typeof campaignTasks.$inferSelect;
export type TaskChange = Partial<
	Pick<TaskRow, "milestone" | "title" | "assigneeId" | "dueAt" | "doneAt" | "overdueNotifiedAt">
>;

/** A campaign's tasks, oldest first. */
export function tasksOfCampaigns(db: Db, workspaceId: string, campaignIds: string[]) {
	if (campaignIds.length === 0) return Promise.resolve([]);
	return db
		.select()
		.from(campaignTasks)
		.where(and(eq(campaignTasks.workspaceId, workspaceId), inArray(campaignTasks.campaignId, campaignIds)))
		.orderBy(asc(campaignTasks.id));
}

export async function findTaskRow(db: Db, workspaceId: string, id: string): Promise<TaskRow | undefined> {
	const [row] = await db
		.select()
		.from(campaignTasks)
		.where(and(eq(campaignTasks.id, id), eq(campaignTasks.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

export function insertTaskStatement(db: Db, row: typeof campaignTasks.$inferInsert) {
	return db.insert(campaignTasks).values(row);
}

export function updateTaskStatement(db: Db, workspaceId: string, id: string, change: TaskChange) {
	return db
		.update(campaignTasks)
		.set(change)
		.where(and(eq(campaignTasks.id, id), eq(campaignTasks.workspaceId, workspaceId)));
}

export function deleteTaskStatement(db: Db, workspaceId: string, id: string) {
	return db.delete(campaignTasks).where(and(eq(campaignTasks.id, id), eq(campaignTasks.workspaceId, workspaceId)));
}

/**
 * Open, assigned tasks not yet reported overdue that may be overdue at `now`: their own due date passed, or
 * they follow a milestone of a campaign sending within `leadMs` (no milestone falls further before the send).
 * Cancelled and finished campaigns' tasks are left alone. Every workspace, soonest first.
 */
export function overdueCandidates(db: Db, now: Date, leadMs: number, limit: number) {
	return db
		.select({
			task: campaignTasks,
			campaignName: campaigns.name,
			sendAt: campaigns.sendAt,
			campaignCreatedAt: campaigns.createdAt,
		})
		.from(campaignTasks)
		.innerJoin(campaigns, eq(campaigns.id, campaignTasks.campaignId))
		.where(
			and(
				isNull(campaignTasks.doneAt),
				isNull(campaignTasks.overdueNotifiedAt),
				isNotNull(campaignTasks.assigneeId),
				ne(campaigns.status, "cancelled"),
				ne(campaigns.status, "completed"),
				or(
					lt(campaignTasks.dueAt, now),
					and(isNull(campaignTasks.dueAt), lt(campaigns.sendAt, new Date(now.getTime() + leadMs))),
				),
			),
		)
		.orderBy(asc(campaignTasks.dueAt), asc(campaigns.sendAt))
		.limit(limit);
}

/** Marks tasks as reported overdue; answers those this call marked (a concurrent run gets the others). */
export async function claimOverdue(db: Db, ids: string[], at: Date): Promise<string[]> {
	if (ids.length === 0) return [];
	const claimed = await db
		.update(campaignTasks)
		.set({ overdueNotifiedAt: at })
		.where(and(inArray(campaignTasks.id, ids), isNull(campaignTasks.overdueNotifiedAt)))
		.returning({ id: campaignTasks.id });
	return claimed.map((r) => r.id);
}
