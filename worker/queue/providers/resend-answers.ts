import type { BatchResult, ProviderRate } from "./provider";

/** A `retry-after` in ms (seconds or an HTTP date), or null without one. */
export function retryAfterMs(headers: Record<string, string> | null): number | null {
	const value = headers?.["retry-after"];
	if (!value) return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/** The account's limit as stated by `ratelimit-limit`/`-remaining`/`-reset` (seconds), when all three are there. */
export function rateOf(headers: Record<string, string> | null): ProviderRate | undefined {
	const limit = Number(headers?.["ratelimit-limit"] ?? Number.NaN);
	const remaining = Number(headers?.["ratelimit-remaining"] ?? Number.NaN);
	const reset = Number(headers?.["ratelimit-reset"] ?? Number.NaN);
	if (!(limit > 0) || !(remaining >= 0) || !(reset >= 0)) return undefined;
	return { limit, remaining, resetMs: reset * 1000 };
}

/**
 * Whether a refused call may succeed later, by its HTTP status (never by what the body says): no answer at all,
 * a 429, any 5xx (a proxy's HTML page included), or a 409 for a concurrent request with the same key. Every other
 * 4xx is the request's own fault and would be refused again.
 */
export function retryableStatus(status: number | null, name: string): boolean {
	if (status === null || status === 429 || status >= 500) return true;
	return status === 409 && name === "concurrent_idempotent_requests";
}

/**
 * A permissive batch's answer mapped back to the batch: one provider id per email in order (the accepted ones
 * come back in order, without the rejected), null for each email Resend rejected, with its message.
 */
export function acceptedBatch(
	count: number,
	accepted: { id: string }[],
	errors: { index: number; message: string }[],
	rate: ProviderRate | undefined,
): BatchResult {
	const rejectedAt = new Map(errors.filter((e) => e.index >= 0 && e.index < count).map((e) => [e.index, e.message]));
	if (accepted.length + rejectedAt.size !== count) {
		const error = `provider accepted ${accepted.length} and rejected ${rejectedAt.size} of ${count}`;
		return { ok: false, retryable: true, retryAfterMs: null, status: 200, error, rate };
	}
	const ids = accepted.map((d) => d.id);
	const providerIds = Array.from({ length: count }, (_, i) => (rejectedAt.has(i) ? null : (ids.shift() ?? null)));
	const rejected = [...rejectedAt].map(([index, error]) => ({ index, error }));
	return { ok: true, providerIds, ...(rejected.length ? { rejected } : {}), ...(rate ? { rate } : {}) };
}
