export type Limit = { key: string; max: number; windowMs: number };
export type LimitCount = { key: string; count: number; windowEndsAt: Date };

/**
 * Decides an attempt from its counters, read after counting it: refused when any count is
 * above its limit, and then `retryAfter` is the seconds until the last exceeded window ends.
 */
export function decideAttempt(
	limits: Limit[],
	counts: LimitCount[],
	now: number,
): { allowed: true } | { allowed: false; retryAfter: number } {
	let retryAt = 0;
	for (const limit of limits) {
		const count = counts.find((c) => c.key === limit.key);
		if (count && count.count > limit.max) retryAt = Math.max(retryAt, count.windowEndsAt.getTime());
	}
	if (retryAt === 0) return { allowed: true };
	return { allowed: false, retryAfter: Math.max(1, Math.ceil((retryAt - now) / 1000)) };
}
