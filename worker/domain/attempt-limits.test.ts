import { describe, expect, it } from "vitest";
import { decideAttempt } from "./attempt-limits";

const now = Date.UTC(2025, 0, 1);
const limits = [
	{ key: "a", max: 5, windowMs: 900_000 },
	{ key: "b", max: 50, windowMs: 3_600_000 },
];

describe("deciding an attempt from its counters", () => {
	it("allows the attempt that reaches the limit exactly", () => {
		const counts = [
			{ key: "a", count: 5, windowEndsAt: new Date(now + 60_000) },
			{ key: "b", count: 50, windowEndsAt: new Date(now + 60_000) },
		];
		expect(decideAttempt(limits, counts, now)).toEqual({ allowed: true });
	});

	it("refuses one over the limit until the latest exceeded window ends", () => {
		const counts = [
			{ key: "a", count: 6, windowEndsAt: new Date(now + 60_000) },
			{ key: "b", count: 51, windowEndsAt: new Date(now + 1_800_500) },
		];
		expect(decideAttempt(limits, counts, now)).toEqual({ allowed: false, retryAfter: 1801 });
	});

	it("never asks to retry in less than a second", () => {
		const counts = [{ key: "a", count: 9, windowEndsAt: new Date(now) }];
		expect(decideAttempt(limits, counts, now)).toEqual({ allowed: false, retryAfter: 1 });
	});
});
