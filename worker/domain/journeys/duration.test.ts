import { describe, expect, it } from "vitest";
import { durationProblem, parseDuration } from "./duration";

describe("journey durations", () => {
	it("reads ISO-8601 durations from seconds to years", () => {
		expect(parseDuration("PT30S")).toBe(30_000);
		expect(parseDuration("PT4H")).toBe(4 * 3_600_000);
		expect(parseDuration("P3D")).toBe(3 * 86_400_000);
		expect(parseDuration("P1W")).toBe(7 * 86_400_000);
		expect(parseDuration("P1DT12H")).toBe(36 * 3_600_000);
		expect(parseDuration("PT1M")).toBe(60_000);
		expect(parseDuration("P1M")).toBe(30 * 86_400_000);
	});

	it("refuses what is not a duration, and durations under a second or over a year", () => {
		for (const text of ["", "P", "PT", "3D", "P1.5D", "PT-1S", "P1DT", "1 day"]) expect(parseDuration(text)).toBeNull();
		expect(durationProblem("PT0S")).toMatch(/at least one second/);
		expect(durationProblem("P2Y")).toMatch(/at most a year/);
		expect(durationProblem("P1Y")).toBeNull();
		expect(durationProblem("PT1S")).toBeNull();
		expect(durationProblem("soon")).toMatch(/not an ISO-8601 duration/);
	});
});
