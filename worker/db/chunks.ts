import { and, asc, eq, exists, gt, gte, inArray, lt, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { inJson } from "./json-each";
import {
	cancelQueuedOfCampaign,
	cancelQueuedOfChunk,
	failQueuedOfChunk,
	failRejected,
	markSent,
	noteAttempt,
} from "./messages";
import { campaigns, chunkPayloads, chunks } from "./schema-campaigns";

/** A chunk waiting for its SENDS message: never attempted, or frozen and not yet settled. */
const OUTSTANDING = ["queued", "frozen"] as const;

/**
 * Outstanding chunks whose SENDS message looks lost. A chunk's `updated_at` is when it was last enqueued
 * or attempted; it is stalled once that is older than `staleBefore` and either
 * - nothing of the campaign has moved since `staleBefore` (no chunk created, attempted or settled), or
 * - a later chunk (higher sequence, so enqueued after it) was settled after it was last touched:
 *   the queue delivered what came after it, but not it.
 * A chunk merely waiting in a busy queue meets neither: the queue is settling the campaign's chunks in order.
 */
export type NewChunk = typeof chunks.$inferInsert;

/** Records a fan-out step's chunks in one batch; a chunk that exists already (a replayed step) is left as it is. */
export async function insertChunks(db: Db, made: NewChunk[]) {
	const [first, ...rest] = made.map((chunk) => db.insert(chunks).values(chunk).onConflictDoNothing());
	if (first) await db.batch([first, ...rest]);
}

export async function stalledChunks(db: Db, campaignId: string, staleBefore: number, limit: number) {
	const other = alias(chunks, "other");
	const since = new Date(staleBefore);
	const rows = await db
		.select({ id: chunks.id })
		.from(chunks)
		.where(
			and(
				eq(chunks.campaignId, campaignId),
				inArray(chunks.status, [...OUTSTANDING]),
				lt(chunks.updatedAt, since),
				or(
					notExists(
						db
							.select({ one: sql`1` })
							.from(other)
							.where(and(eq(other.campaignId, campaignId), gte(other.updatedAt, since))),
					),
					exists(
						db
							.select({ one: sql`1` })
							.from(other)
							.where(
								and(
									eq(other.campaignId, campaignId),
									gt(other.seq, chunks.seq),
									inArray(other.status, ["sent", "failed"]),
									gt(other.updatedAt, chunks.updatedAt),
								),
							),
					),
				),
			),
		)
		.orderBy(asc(chunks.seq))
		.limit(limit);
	return rows.map((r) => r.id);
}

/** Marks chunks as just enqueued (again), so they are not taken for lost until another threshold passes. */
export async function touchChunks(db: Db, ids: string[], now: number) {
	if (ids.length === 0) return;
	await db
		.update(chunks)
		.set({ updatedAt: new Date(now) })
		.where(and(inJson(chunks.id, ids), inArray(chunks.status, [...OUTSTANDING])));
}

/** Whether any chunk of the campaign is still waiting for the queue (paused ones are not). */
export async function hasOutstandingChunks(db: Db, campaignId: string) {
	const row = await db
		.select({ id: chunks.id })
		.from(chunks)
		.where(and(eq(chunks.campaignId, campaignId), inArray(chunks.status, [...OUTSTANDING])))
		.limit(1)
		.get();
	return row !== undefined;
}

/** Chunks set aside while paused become queued again (enqueued now), in sequence order. */
export async function unpauseChunks(db: Db, campaignId: string, now: number) {
	const rows = await db
		.update(chunks)
		.set({ status: "queued", updatedAt: new Date(now) })
		.where(and(eq(chunks.campaignId, campaignId), eq(chunks.status, "paused")))
		.returning({ id: chunks.id, seq: chunks.seq });
	return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
}

/** Statuses in which a chunk has not been settled and can still be cancelled or failed. */
const UNSETTLED = ["queued", "frozen", "paused"] as const;

/** The chunk as the SENDS consumer needs it, with its campaign's current status (null: campaign gone). */
export function chunkToSend(db: Db, chunkId: string) {
	return db
		.select({
			id: chunks.id,
			campaignId: chunks.campaignId,
			status: chunks.status,
			attempts: chunks.attempts,
			lastError: chunks.lastError,
			campaignStatus: campaigns.status,
		})
		.from(chunks)
		.leftJoin(campaigns, eq(campaigns.id, chunks.campaignId))
		.where(eq(chunks.id, chunkId))
		.get();
}

const dropPayloads = (db: Db, chunkId: string) => db.delete(chunkPayloads).where(eq(chunkPayloads.chunkId, chunkId));

/** How many rows a write changed. */
const changed = (result: { meta: { changes?: number } }) => result.meta.changes ?? 0;

/** A chunk of a cancelled (or deleted) campaign: dropped, its still-queued recipients `cancelled` (answers how many). */
export async function cancelChunk(db: Db, chunkId: string, now: number): Promise<number> {
	const [cancelled] = await db.batch([
		cancelQueuedOfChunk(db, chunkId),
		db
			.update(chunks)
			.set({ status: "cancelled", updatedAt: new Date(now) })
			.where(and(eq(chunks.id, chunkId), inArray(chunks.status, [...UNSETTLED]))),
		dropPayloads(db, chunkId),
	]);
	return changed(cancelled);
}

/** Cancelling a campaign settles what was never attempted; a chunk already with the provider finishes. */
export async function cancelCampaignChunks(db: Db, campaignId: string, now: number) {
	await db.batch([
		cancelQueuedOfCampaign(db, campaignId),
		db
			.update(chunks)
			.set({ status: "cancelled", updatedAt: new Date(now) })
			.where(and(eq(chunks.campaignId, campaignId), inArray(chunks.status, ["queued", "paused"]))),
	]);
}

/** Parks a chunk of a paused campaign, atomically with the status check; true when parked. */
export async function parkChunk(db: Db, chunkId: string, campaignId: string) {
	const parked = await db
		.update(chunks)
		.set({ status: "paused" })
		.where(
			and(
				eq(chunks.id, chunkId),
				inArray(chunks.status, [...OUTSTANDING]),
				exists(
					db
						.select({ one: sql`1` })
						.from(campaigns)
						.where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "paused"))),
				),
			),
		)
		.returning({ id: chunks.id });
	return parked.length > 0;
}

/** A chunk that cannot be sent: its recipients show as failed with the reason, never silently gone (answers how many). */
export async function failChunk(
	db: Db,
	chunkId: string,
	attempts: number,
	error: string,
	now: number,
): Promise<number> {
	const [failed] = await db.batch([
		failQueuedOfChunk(db, chunkId, attempts, error),
		db
			.update(chunks)
			.set({
				status: "failed",
				attempts: sql`max(${chunks.attempts}, ${attempts})`,
				lastError: error,
				updatedAt: new Date(now),
			})
			.where(and(eq(chunks.id, chunkId), inArray(chunks.status, [...UNSETTLED]))),
		dropPayloads(db, chunkId),
	]);
	return changed(failed);
}

/**
 * The provider accepted the chunk: its recipients `sent` with their provider ids, except those it `rejected`
 * (an address it refuses), which end `failed` with its reason; the payloads dropped. Answers how many recipients
 * this call moved to `sent` and to `failed` (none when a duplicate delivery had already recorded them).
 */
export async function chunkSent(
	db: Db,
	chunkId: string,
	sent: { id: string; provider_id: string | null }[],
	attempts: number,
	now: number,
	rejected: { id: string; error: string }[] = [],
): Promise<{ sent: number; failed: number }> {
	const [marked, failed] = await db.batch([
		markSent(db, sent, attempts, now),
		failRejected(db, rejected, attempts),
		db
			.update(chunks)
			.set({ status: "sent", attempts, lastError: null, updatedAt: new Date(now) })
			.where(eq(chunks.id, chunkId)),
		dropPayloads(db, chunkId),
	]);
	return { sent: changed(marked), failed: changed(failed) };
}

/** Nobody in the chunk was still sendable at its freeze: settled without a provider call. */
export async function chunkEmpty(db: Db, chunkId: string, attempts: number, now: number) {
	await db
		.update(chunks)
		.set({ status: "sent", attempts, updatedAt: new Date(now) })
		.where(eq(chunks.id, chunkId));
}

/** A failed attempt that will be retried: the attempt and its reason, on the chunk and its queued recipients. */
export async function chunkRetrying(
	db: Db,
	chunkId: string,
	messageIds: string[],
	attempts: number,
	error: string,
	now: number,
) {
	await db.batch([
		db
			.update(chunks)
			.set({ attempts, lastError: error, updatedAt: new Date(now) })
			.where(eq(chunks.id, chunkId)),
		noteAttempt(db, messageIds, attempts, error),
	]);
}
