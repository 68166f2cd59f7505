import { and, asc, eq, lte, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { contacts } from "./schema-contacts";
import { contactTopicOptOuts } from "./schema-sending";
import { webhookOutbox } from "./schema-webhook-outbox";

export type OutboxEventRow = typeof webhookOutbox.$inferSelect;
export type NewOutboxEvent = Pick<OutboxEventRow, "id" | "workspaceId" | "event" | "nextTryAt" | "createdAt">;

/** D1 binds at most 100 parameters per statement: 16 rows of 6 values. */
const ROWS_PER_INSERT = 16;

/** Statements keeping these events (for a caller's own batch, or `keepOutboxEvents`). */
export function insertOutboxStatements(db: Db, rows: NewOutboxEvent[]): BatchItem<"sqlite">[] {
	const statements: BatchItem<"sqlite">[] = [];
	for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
		statements.push(
			db.insert(webhookOutbox).values(rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ ...r, attempts: 0 }))),
		);
	return statements;
}

/**
 * Statements keeping these events only when `where` finds the contact (the change they tell of happens in the same
 * batch, after them, under the same condition): a batch whose change comes to nothing keeps nothing.
 */
export function insertOutboxIfContactStatements(db: Db, rows: NewOutboxEvent[], where: SQL | undefined) {
	return rows.map((row) =>
		db.insert(webhookOutbox).select(
			db
				.select({
					id: sql<string>`${row.id}`.as("id"),
					workspaceId: sql<string>`${row.workspaceId}`.as("workspace_id"),
					event: sql<string>`${row.event}`.as("event"),
					attempts: sql<number>`0`.as("attempts"),
					nextTryAt: sql<number>`${row.nextTryAt.getTime()}`.as("next_try_at"),
					createdAt: sql<number>`${row.createdAt.getTime()}`.as("created_at"),
				})
				.from(contacts)
				.where(where),
		),
	);
}

export async function keepOutboxEvents(db: Db, rows: NewOutboxEvent[]) {
	const [first, ...rest] = insertOutboxStatements(db, rows);
	if (first) await db.batch([first, ...rest]);
}

/** The queue took them. */
export async function forgetOutboxEvents(db: Db, ids: string[]) {
	if (ids.length > 0) await db.delete(webhookOutbox).where(inJson(webhookOutbox.id, ids));
}

/** Replaces kept events (their data became known after the write that kept them). */
export function rewriteOutboxEvents(db: Db, rows: { id: string; event: string }[]) {
	const [first, ...rest] = rows.map((r) =>
		db.update(webhookOutbox).set({ event: r.event }).where(eq(webhookOutbox.id, r.id)),
	);
	return first ? db.batch([first, ...rest]) : Promise.resolve([]);
}

/** Events due for the cron to send (left unsent past their time), the longest due first. */
export function dueOutboxEvents(db: Db, now: Date, limit: number): Promise<OutboxEventRow[]> {
	return db
		.select()
		.from(webhookOutbox)
		.where(lte(webhookOutbox.nextTryAt, now))
		.orderBy(asc(webhookOutbox.nextTryAt), asc(webhookOutbox.id))
		.limit(limit);
}

/** A re-send the queue refused again: counted, and tried after `nextTryAt`. */
export async function postponeOutboxEvents(db: Db, ids: string[], nextTryAt: Date) {
	if (ids.length === 0) return;
	await db
		.update(webhookOutbox)
		.set({ attempts: sql`${webhookOutbox.attempts} + 1`, nextTryAt })
		.where(inJson(webhookOutbox.id, ids));
}

/** The workspace's contacts of these ids (one query, one bound parameter for the ids). */
export function contactsOfIds(db: Db, workspaceId: string, ids: string[]) {
	return db
		.select()
		.from(contacts)
		.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.id, ids)));
}

/**
 * For the batch that deletes a topic (before the delete, which forgets its opt-outs): one `contact.updated` per
 * contact who had opted out of it, kept for the cron, which reads each contact when it sends (`contact` reference,
 * no data). Row id and key are the topic's and the contact's, so the statement run again keeps nothing twice.
 */
export function keepTopicDeletedEvents(db: Db, topic: { id: string; workspaceId: string; name: string }, now: Date) {
	const id = sql<string>`'wbo_topic_' || ${topic.id} || '_' || ${contactTopicOptOuts.contactId}`;
	const details = sql`json_object('deleted_topic', json_object('id', ${topic.id}, 'name', ${topic.name}))`;
	const ref = sql`json_object('id', ${contactTopicOptOuts.contactId}, 'source', 'topic deleted', 'details', ${details})`;
	const event = sql<string>`json_object('type', 'contact.updated', 'data', json('null'), 'at', ${now.getTime()}, 'key', ${id}, 'contact', ${ref})`;
	return db
		.insert(webhookOutbox)
		.select(
			db
				.select({
					id: sql<string>`${id}`.as("id"),
					workspaceId: sql<string>`${topic.workspaceId}`.as("workspace_id"),
					event: sql<string>`${event}`.as("event"),
					attempts: sql<number>`0`.as("attempts"),
					nextTryAt: sql<number>`${now.getTime()}`.as("next_try_at"),
					createdAt: sql<number>`${now.getTime()}`.as("created_at"),
				})
				.from(contactTopicOptOuts)
				.where(eq(contactTopicOptOuts.topicId, topic.id)),
		)
		.onConflictDoNothing();
}
