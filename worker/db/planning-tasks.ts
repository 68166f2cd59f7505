import { and, asc, eq, isNotNull, isNull, lte, ne, type SQL, sql } from "drizzle-orm";
import { LONGEST_LEAD_MS, MILESTONES } from "../domain/planning/milestones";
import type { Db } from "./client";
import { inJson } from "./json-each";
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
		.where(and(eq(campaignTasks.workspaceId, workspaceId), inJson(campaignTasks.campaignId, campaignIds)))
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

const HOUR = 3_600_000;

/**
 * A task's due time (ms) in SQL, as `taskDueAt` computes it: its own due date, or else its milestone's (the send
 * date less the milestone's lead, squeezed in proportion when the campaign was planned at shorter notice).
 * NULL without either.
 */
const taskDueMs: SQL<number | null> = (() => {
	const lead = sql.join(
		MILESTONES.map((m) => sql.raw(`WHEN '${m.key}' THEN ${m.hoursBefore * HOUR}`)),
		sql` `,
	);
	const scale = sql`MIN(1.0, MAX(0, ${campaigns.sendAt} - ${campaigns.createdAt}) * 1.0 / ${sql.raw(String(LONGEST_LEAD_MS))})`;
	return sql<
		number | null
	>`COALESCE(${campaignTasks.dueAt}, ${campaigns.sendAt} - ROUND((CASE ${campaignTasks.milestone} ${lead} END) * ${scale}))`;
})();

/**
 * Open, assigned tasks not yet reported overdue whose due time (their own, or their milestone's) has come by
 * `now`. Cancelled and finished campaigns' tasks are left alone. Every workspace, longest overdue first: tasks
 * not yet due never take a place, so no workspace's upcoming tasks hold back another's overdue ones.
 */
export function overdueCandidates(db: Db, now: Date, limit: number) {
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
				lte(taskDueMs, now.getTime()),
			),
		)
		.orderBy(asc(taskDueMs), asc(campaignTasks.id))
		.limit(limit);
}

/** Marks tasks as reported overdue; answers those this call marked (a concurrent run gets the others). */
export async function claimOverdue(db: Db, ids: string[], at: Date): Promise<string[]> {
	if (ids.length === 0) return [];
	const claimed = await db
		.update(campaignTasks)
		.set({ overdueNotifiedAt: at })
		.where(and(inJson(campaignTasks.id, ids), isNull(campaignTasks.overdueNotifiedAt)))
		.returning({ id: campaignTasks.id });
	return claimed.map((r) => r.id);
}
