/** Exponential backoff with full jitter, never sooner than the provider asked (`retry-after`). */
export function retryDelaySeconds(attempt: number, retryAfterMs: number | null, random = Math.random): number {
	const exponential = Math.min(300, 2 ** Math.min(attempt, 8));
	const jittered = exponential / 2 + random() * (exponential / 2);
	const floor = retryAfterMs === null ? 0 : retryAfterMs / 1000;
	return Math.max(1, Math.ceil(Math.max(jittered, floor)));
}
