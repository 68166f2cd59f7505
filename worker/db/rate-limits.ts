import { inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { rateLimits } from "./schema";

export type Counter = { key: string; windowMs: number };
export type CounterState = { key: string; count: number; windowEndsAt: Date };

/**
 * Adds one to each counter and returns the new counts, in one atomic batch: each
 * UPSERT ... RETURNING sees every earlier increment, so parallel callers never read the
 * same count. A counter whose window has ended starts a new window at 1.
 */
export async function incrementCounters(db: Db, counters: Counter[], now: number): Promise<CounterState[]> {
	if (counters.length === 0) return [];
	const statements = counters.map((counter) =>
		db
			.insert(rateLimits)
			.values({ key: counter.key, count: 1, windowEndsAt: new Date(now + counter.windowMs) })
			.onConflictDoUpdate({
				target: rateLimits.key,
				set: {
					count: sql`case when ${rateLimits.windowEndsAt} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
					windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= ${now} then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
				},
			})
			.returning({ key: rateLimits.key, count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt }),
	);
	const results = await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
	return results.flat();
}

/** Takes back one increment from each counter (never below zero). */
export async function decrementCounters(db: Db, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await db
		.update(rateLimits)
		.set({ count: sql`max(${rateLimits.count} - 1, 0)` })
		.where(inArray(rateLimits.key, keys));
}

export async function deleteCounters(db: Db, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}
