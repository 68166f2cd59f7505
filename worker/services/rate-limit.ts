import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";
import { ApiError } from "../errors";

export type Limit = { key: string; max: number; windowMs: number };

/** Refuses with 429 (and `retry-after`) when any of the limits is already used up. */
export async function assertUnderLimits(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
	for (const limit of limits) {
		const row = await db.query.rateLimits.findFirst({ where: (r, { eq }) => eq(r.key, limit.key) });
		if (row && row.windowEndsAt.getTime() > now && row.count >= limit.max) {
			const retryAfter = Math.ceil((row.windowEndsAt.getTime() - now) / 1000);
			throw new ApiError("rate_limited", `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, {
				"retry-after": String(retryAfter),
			});
		}
	}
}

/** Counts one attempt against each limit (a fixed window that starts at the first attempt). */
export async function countAttempt(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
	if (limits.length === 0) return;
	const statements = limits.map((limit) =>
		db
			.insert(rateLimits)
			.values({ key: limit.key, count: 1, windowEndsAt: new Date(now + limit.windowMs) })
			.onConflictDoUpdate({
				target: rateLimits.key,
				set: {
					count: sql`case when ${rateLimits.windowEndsAt} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
					windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= ${now} then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
				},
			}),
	);
	await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
}

export async function clearLimit(db: Db, key: string): Promise<void> {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}
