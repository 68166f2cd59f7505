import { describe, expect, it } from "vitest";
import { capAllowsAt, capOf } from "./frequency-cap";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2026, 11, 2, 12);

describe("frequency cap", () => {
	it("reads the stored cap (max and an ISO-8601 window), none when either is missing", () => {
		expect(capOf(2, "P1D")).toEqual({ max: 2, perMs: DAY });
		expect(capOf(3, "PT12H")).toEqual({ max: 3, perMs: 12 * HOUR });
		expect(capOf(null, "P1D")).toBeNull();
		expect(capOf(2, null)).toBeNull();
		expect(capOf(2, "one day")).toBeNull();
	});

	it("allows a send while the contact has fewer than max sends in the rolling window", () => {
		const cap = { max: 2, perMs: DAY };
		expect(capAllowsAt([], cap, t0)).toBe(true);
		expect(capAllowsAt([t0 - HOUR], cap, t0)).toBe(true);
		// A send a day and a minute ago has left the window.
		expect(capAllowsAt([t0 - DAY - 60_000, t0 - HOUR], cap, t0)).toBe(true);
	});

	it("answers the instant the oldest send in the window ages out when the cap is reached", () => {
		const cap = { max: 2, perMs: DAY };
		const sends = [t0 - 3 * HOUR, t0 - HOUR];
		expect(capAllowsAt(sends, cap, t0)).toBe(t0 - 3 * HOUR + DAY);
		// At that instant the send fits, a millisecond before it does not.
		expect(capAllowsAt(sends, cap, t0 - 3 * HOUR + DAY)).toBe(true);
		expect(capAllowsAt(sends, cap, t0 - 3 * HOUR + DAY - 1)).toBe(t0 - 3 * HOUR + DAY);
	});

	it("waits for as many sends to age out as the window is over the cap, whatever their order", () => {
		const cap = { max: 1, perMs: DAY };
		const sends = [t0 - HOUR, t0 - 5 * HOUR, t0 - 2 * HOUR];
		expect(capAllowsAt(sends, cap, t0)).toBe(t0 - HOUR + DAY);
	});

	it("counts a send already due later (a local-time broadcast) against a send now", () => {
		const cap = { max: 1, perMs: DAY };
		expect(capAllowsAt([t0 + 6 * HOUR], cap, t0)).toBe(t0 + 6 * HOUR + DAY);
	});
});
