/**
 * Resend keeps an Idempotency-Key for 24 hours. A chunk's re-send is trusted to be deduplicated by its key only
 * this long after an attempt whose outcome is unknown (no answer: a network error or a timeout), an hour short of
 * Resend's window for clock drift and the time the re-send itself takes.
 */
export const IDEMPOTENCY_TRUST_MS = 23 * 60 * 60 * 1000;

const MARK = /^unknown outcome since (\S+): /;

/**
 * When the chunk's earliest attempt with an unknown outcome happened (ms), read from its recorded error; null when
 * every attempt so far was answered (refused), so nothing of it can have been sent.
 */
export function ambiguousSince(lastError: string | null): number | null {
	const at = lastError ? MARK.exec(lastError)?.[1] : undefined;
	if (!at) return null;
	const ms = Date.parse(at);
	return Number.isFinite(ms) ? ms : null;
}

/**
 * The error recorded for a failed attempt that will be retried. An attempt without an answer (`status` null) may
 * have been accepted: the chunk is marked with when that first happened, and the mark stays through later refused
 * attempts (a 429 says nothing about whether the earlier one got through) until the chunk settles.
 */
export function retryError(previousError: string | null, status: number | null, error: string, now: number): string {
	const described = `${status ?? "network"}: ${error}`;
	const since = ambiguousSince(previousError) ?? (status === null ? now : null);
	const text = since === null ? described : `unknown outcome since ${new Date(since).toISOString()}: ${described}`;
	return text.slice(0, 500);
}

/**
 * Why a chunk must not be re-sent now, or null when it may be: an attempt with an unknown outcome more than
 * `IDEMPOTENCY_TRUST_MS` ago may have been accepted, and Resend no longer recognises its key, so a re-send could
 * deliver it twice. Such a chunk fails with this reason instead (a person can check Resend's log and send again).
 */
export function unsafeToResend(lastError: string | null, now: number): string | null {
	const since = ambiguousSince(lastError);
	if (since === null || now - since <= IDEMPOTENCY_TRUST_MS) return null;
	return `not re-sent: an attempt at ${new Date(since).toISOString()} may have reached the provider without an answer, and its idempotency key has expired (24 h), so a re-send could deliver twice; check the provider's log`;
}
