// Resend's sending quotas on the fake server: once set through the admin API, batch requests answer
// 429 `daily_quota_exceeded` / `monthly_quota_exceeded` (for the next N requests, or until cleared), with
// `retry-after` counting down to the quota's reset (00:00 UTC, or the first of next month) on the fake clock.

/** @typedef {{ kind: "daily" | "monthly"; remaining: number | null }} QuotaFault */

const MESSAGES = {
	daily: "You have reached your daily email sending quota.",
	monthly: "You have reached your monthly email sending quota.",
};

/** @param {"daily" | "monthly"} kind @param {number} now @returns {number} when the quota resets (ms) */
export function quotaResetsAt(kind, now) {
	const d = new Date(now);
	return kind === "daily"
		? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
		: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * The quota refusal this request gets, if any (consuming one of a limited count).
 * @param {{ quota: QuotaFault | null }} state
 * @param {number} now the fake clock
 * @returns {{ name: string; message: string; retryAfter: number } | null}
 */
export function takeQuotaFault(state, now) {
	const quota = state.quota;
	if (quota === null) return null;
	if (quota.remaining !== null) {
		quota.remaining--;
		if (quota.remaining <= 0) state.quota = null;
	}
	const retryAfter = Math.max(1, Math.ceil((quotaResetsAt(quota.kind, now) - now) / 1000));
	return { name: `${quota.kind}_quota_exceeded`, message: MESSAGES[quota.kind], retryAfter };
}

/**
 * `POST /__admin/quota {exceeded: "daily" | "monthly" | null, requests?: n}`.
 * @param {unknown} body
 * @returns {QuotaFault | null | string} the setting, or an error message
 */
export function parseQuota(body) {
	const { exceeded, requests } = /** @type {{ exceeded?: unknown; requests?: unknown }} */ (body ?? {});
	if (exceeded === null) return null;
	if (exceeded !== "daily" && exceeded !== "monthly") return 'exceeded must be "daily", "monthly" or null';
	if (requests === undefined) return { kind: exceeded, remaining: null };
	if (typeof requests !== "number" || !(requests >= 1)) return "requests must be a number >= 1";
	return { kind: exceeded, remaining: Math.floor(requests) };
}
