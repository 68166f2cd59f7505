import { describe, expect, it } from "vitest";
import { ambiguousSince, IDEMPOTENCY_TRUST_MS, retryError, unsafeToResend } from "./ambiguous-attempts";

const at = Date.parse("2026-12-01T10:00:00.000Z");

describe("attempts whose outcome is unknown", () => {
	it("marks a chunk when an attempt got no answer, with when that first happened", () => {
		const error = retryError(null, null, "TimeoutError", at);
		expect(error).toBe("unknown outcome since 2026-12-01T10:00:00.000Z: network: TimeoutError");
		expect(ambiguousSince(error)).toBe(at);
	});

	it("keeps the first unanswered attempt's time through later refusals and later unanswered attempts", () => {
		const first = retryError(null, null, "timeout", at);
		const refused = retryError(first, 429, "rate_limit_exceeded: slow down", at + 60_000);
		expect(refused).toMatch(/^unknown outcome since 2026-12-01T10:00:00.000Z: 429: rate_limit_exceeded/);
		expect(ambiguousSince(retryError(refused, null, "timeout", at + 120_000))).toBe(at);
	});

	it("does not mark a chunk whose attempts were all answered with a refusal", () => {
		const error = retryError(null, 503, "application_error: unavailable", at);
		expect(error).toBe("503: application_error: unavailable");
		expect(ambiguousSince(error)).toBeNull();
		expect(unsafeToResend(error, at + 48 * 3_600_000)).toBeNull();
	});

	it("re-sends within 23 h of an unanswered attempt, and refuses to after that", () => {
		const error = retryError(null, null, "timeout", at);
		expect(unsafeToResend(error, at + IDEMPOTENCY_TRUST_MS)).toBeNull();
		expect(unsafeToResend(error, at + IDEMPOTENCY_TRUST_MS + 1)).toMatch(/idempotency key has expired/);
	});
});
