import { and, asc, eq, exists, gt, gte, inArray, lt, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { chunks } from "./schema-campaigns";

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
		.where(and(inArray(chunks.id, ids), inArray(chunks.status, [...OUTSTANDING])));
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
