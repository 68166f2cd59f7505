import { describe, expect, it } from "vitest";
import { quotaOf, quotaPause, quotaPauseReason, quotaReopened, quotaResetsAt } from "./provider-quota";

const at = (iso: string) => Date.parse(iso);

describe("a provider's sending quota", () => {
	it("resets at the next 00:00 UTC (daily) or the first of next month (monthly)", () => {
		expect(quotaResetsAt("daily", at("2026-12-31T23:59:59Z"))).toBe(at("2027-01-01T00:00:00Z"));
		expect(quotaResetsAt("daily", at("2026-03-10T00:00:00Z"))).toBe(at("2026-03-11T00:00:00Z"));
		expect(quotaResetsAt("monthly", at("2026-12-15T12:00:00Z"))).toBe(at("2027-01-01T00:00:00Z"));
	});

	it("is read from Resend's error names, preferring retry-after to the calendar", () => {
		const now = at("2026-05-05T10:00:00Z");
		expect(quotaOf("daily_quota_exceeded", 90_000, now)).toEqual({ kind: "daily", resetsAt: now + 90_000 });
		expect(quotaOf("monthly_quota_exceeded", null, now)).toEqual({
			kind: "monthly",
			resetsAt: at("2026-06-01T00:00:00Z"),
		});
		expect(quotaOf("rate_limit_exceeded", 1000, now)).toBeNull();
	});

	it("pauses a sending campaign with a reason that says when it resumes", () => {
		const quota = { kind: "daily" as const, resetsAt: at("2026-05-06T00:00:00Z") };
		expect(quotaPause("sending", null, quota)).toEqual({
			pause: {
				code: "provider_quota",
				quota: "daily",
				message: "Resend daily quota reached; resumes after 2026-05-06 00:00 UTC",
				resumes_at: "2026-05-06T00:00:00.000Z",
			},
		});
	});

	it("leaves a person's pause alone, and extends a quota pause only to a later reset", () => {
		const daily = { kind: "daily" as const, resetsAt: at("2026-05-06T00:00:00Z") };
		const monthly = { kind: "monthly" as const, resetsAt: at("2026-06-01T00:00:00Z") };
		expect(quotaPause("paused", null, daily)).toBeNull();
		expect(quotaPause("cancelled", null, daily)).toBeNull();
		expect(quotaPause("paused", quotaPauseReason(monthly), daily)).toBeNull();
		expect(quotaPause("paused", quotaPauseReason(daily), monthly)).toEqual({ extend: quotaPauseReason(monthly) });
	});

	it("reopens at its reset, not before", () => {
		const reason = quotaPauseReason({ kind: "daily", resetsAt: at("2026-05-06T00:00:00Z") });
		expect(quotaReopened(reason, at("2026-05-05T23:59:59Z"))).toBe(false);
		expect(quotaReopened(reason, at("2026-05-06T00:00:00Z"))).toBe(true);
		expect(quotaReopened(null, at("2027-01-01T00:00:00Z"))).toBe(false);
	});
});
