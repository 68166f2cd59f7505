import { eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "./client";
import { rateLimits } from "./schema";

export type Window = { max: number; windowMs: number };
export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one use of `key` in a fixed window (starting at its first use) and says whether it is
 * within `max`. One UPSERT ... RETURNING, so concurrent requests never both see the last slot.
 */
export async function take(db: Db, key: string, limit: Window, now = Date.now()): Promise<Taken> {
	const [row] = await db
		.insert(rateLimits)
		.values({ key, count: 1, windowEndsAt: new Date(now + limit.windowMs) })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowEndsAt} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
				windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= ${now} then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
			},
		})
		.returning({ count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt });
	if (!row || row.count <= limit.max) return { ok: true };
	return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.windowEndsAt.getTime() - now) / 1000)) };
}

/** Ends the window of `key` early (e.g. a lease whose work is done). */
export async function release(db: Db, key: string): Promise<void> {
	await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/**
 * Forgets up to `limit` windows that have ended (an ended window counts as no window at all): keys may name an IP
 * address or an account's email, kept no longer than they limit anything. Answers how many went.
 */
export async function deleteEndedWindows(db: Db, now: number, limit: number): Promise<number> {
	const ended = db
		.select({ key: rateLimits.key })
		.from(rateLimits)
		.where(lte(rateLimits.windowEndsAt, new Date(now)))
		.limit(limit);
	const rows = await db.delete(rateLimits).where(inArray(rateLimits.key, ended)).returning({ key: rateLimits.key });
	return rows.length;
}
