import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { decrementCounters, deleteCounters, incrementCounters } from "../db/rate-limits";
import { rateLimits } from "../db/schema";
import { decideAttempt, type Limit } from "../domain/attempt-limits";
import { ApiError } from "../errors";

export type { Limit };

const rateLimited = (retryAfter: number) =>
	new ApiError("rate_limited", `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, {
		"retry-after": String(retryAfter),
	});

/** A counted attempt; `release` takes it back (it succeeded), resetting the `reset` counters entirely. */
export type Attempt = { release(options?: { reset?: string[] }): Promise<void> };

/**
 * Counts the attempt first (atomically), then decides: of any number of parallel attempts,
 * at most `max` per limit are let through. A refused attempt is taken back at once, so
 * refusals do not use up the budget; a let-through attempt stays counted until `release`.
 */
export async function takeAttempt(db: Db, limits: Limit[], now = Date.now()): Promise<Attempt> {
	const keys = limits.map((l) => l.key);
	const counts = await incrementCounters(db, limits, now);
	const decision = decideAttempt(limits, counts, now);
	if (!decision.allowed) {
		await decrementCounters(db, keys);
		throw rateLimited(decision.retryAfter);
	}
	return {
		async release(options) {
			const reset = new Set(options?.reset ?? []);
			await Promise.all([
				deleteCounters(db, [...reset]),
				decrementCounters(
					db,
					keys.filter((k) => !reset.has(k)),
				),
			]);
		},
	};
}

/** Refuses with 429 (and `retry-after`) when any of the limits is already used up. Prefer `takeAttempt`. */
export async function assertUnderLimits(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
	for (const limit of limits) {
		const row = await db.query.rateLimits.findFirst({ where: (r, { eq }) => eq(r.key, limit.key) });
		if (row && row.windowEndsAt.getTime() > now && row.count >= limit.max) {
			throw rateLimited(Math.ceil((row.windowEndsAt.getTime() - now) / 1000));
		}
	}
}

/** Counts one attempt against each limit (a fixed window that starts at the first attempt). */
export async function countAttempt(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
	await incrementCounters(db, limits, now);
}

export async function clearLimit(db: Db, key: string): Promise<void> {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}
