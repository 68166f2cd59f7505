import { asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";
import { webhookOutbox } from "./schema-webhook-outbox";

export type OutboxEventRow = typeof webhookOutbox.$inferSelect;
export type NewOutboxEvent = Pick<OutboxEventRow, "id" | "workspaceId" | "event" | "nextTryAt" | "createdAt">;

/** D1 binds at most 100 parameters per statement: 16 rows of 6 values, 90 ids. */
const ROWS_PER_INSERT = 16;
const IDS_PER_STATEMENT = 90;

function slices<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Statements keeping these events (for a caller's own batch, or `keepOutboxEvents`). */
export function insertOutboxStatements(db: Db, rows: NewOutboxEvent[]): BatchItem<"sqlite">[] {
	return slices(rows, ROWS_PER_INSERT).map((part) =>
		db.insert(webhookOutbox).values(part.map((r) => ({ ...r, attempts: 0 }))),
	);
}

export async function keepOutboxEvents(db: Db, rows: NewOutboxEvent[]) {
	const [first, ...rest] = insertOutboxStatements(db, rows);
	if (first) await db.batch([first, ...rest]);
}

/** The queue took them. */
export async function forgetOutboxEvents(db: Db, ids: string[]) {
	const [first, ...rest] = slices(ids, IDS_PER_STATEMENT).map((part) =>
		db.delete(webhookOutbox).where(inArray(webhookOutbox.id, part)),
	);
	if (first) await db.batch([first, ...rest]);
}

/** Replaces a kept event (its data became known after the write that kept it). */
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
	const [first, ...rest] = slices(ids, IDS_PER_STATEMENT).map((part) =>
		db
			.update(webhookOutbox)
			.set({ attempts: sql`${webhookOutbox.attempts} + 1`, nextTryAt })
			.where(inArray(webhookOutbox.id, part)),
	);
	if (first) await db.batch([first, ...rest]);
}
