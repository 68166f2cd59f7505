import { describe, expect, it } from "vitest";
import { acceptedBatch, rateOf, retryableStatus } from "./resend-answers";

describe("reading Resend's answers", () => {
	it("reads the limit Resend states on every answer", () => {
		const headers = { "ratelimit-limit": "5", "ratelimit-remaining": "0", "ratelimit-reset": "1" };
		expect(rateOf(headers)).toEqual({ limit: 5, remaining: 0, resetMs: 1000 });
		expect(rateOf({ "ratelimit-limit": "5" })).toBeUndefined();
		expect(rateOf(null)).toBeUndefined();
	});

	it("retries by HTTP status: no answer, 429, any 5xx and a concurrent request with the same key", () => {
		expect(retryableStatus(null, "application_error")).toBe(true);
		expect(retryableStatus(429, "rate_limit_exceeded")).toBe(true);
		expect(retryableStatus(503, "application_error")).toBe(true);
		expect(retryableStatus(500, "validation_error")).toBe(true);
		expect(retryableStatus(409, "concurrent_idempotent_requests")).toBe(true);
		expect(retryableStatus(409, "invalid_idempotent_request")).toBe(false);
		expect(retryableStatus(422, "application_error")).toBe(false);
		expect(retryableStatus(403, "invalid_api_key")).toBe(false);
	});

	it("maps a permissive batch's errors to exactly those emails, and the ids to the others in order", () => {
		const result = acceptedBatch(
			4,
			[{ id: "a" }, { id: "c" }, { id: "d" }],
			[{ index: 1, message: "bad to" }],
			undefined,
		);
		expect(result).toEqual({ ok: true, providerIds: ["a", null, "c", "d"], rejected: [{ index: 1, error: "bad to" }] });
	});

	it("treats an answer that does not account for every email as a failure to retry", () => {
		const result = acceptedBatch(3, [{ id: "a" }], [], undefined);
		expect(result).toMatchObject({ ok: false, retryable: true, status: 200 });
	});
});
