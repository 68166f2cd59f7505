import type { Principal } from "../context";
import { createDb, type Db } from "../db/client";
import { take } from "../db/rate-counter";
import { decrementCounters, deleteCounters, incrementCounters } from "../db/rate-limits";
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

/**
 * Counts one costly request (a live count, say) of the member or key against `limit`; past it, 429 with
 * `retry-after`, saying what was asked too often.
 */
export async function assertWithinLimit(
	d1: D1Database,
	principal: Principal,
	name: string,
	limit: { max: number; windowMs: number },
	what: string,
) {
	const who = principal.kind === "session" ? `user:${principal.userId}` : `key:${principal.apiKeyId}`;
	const taken = await take(createDb(d1), `${name}:${principal.workspaceId}:${who}`, limit);
	if (!taken.ok) {
		throw new ApiError(
			"rate_limited",
			`Too many ${what}; try again in ${taken.retryAfterSeconds} seconds (at most ${limit.max} a minute)`,
			undefined,
			{ "retry-after": String(taken.retryAfterSeconds) },
		);
	}
}
