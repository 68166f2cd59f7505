import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration";

describe("journey durations as people type them", () => {
	it("reads plain words into ISO-8601", () => {
		expect(parseDuration("4 hours")).toBe("PT4H");
		expect(parseDuration("30 seconds")).toBe("PT30S");
		expect(parseDuration("3 days")).toBe("P3D");
		expect(parseDuration("1 week")).toBe("P1W");
		expect(parseDuration("2 days 3 hours")).toBe("P2DT3H");
		expect(parseDuration("90 min")).toBe("PT90M");
		expect(parseDuration("1h 30m")).toBe("PT1H30M");
		expect(parseDuration("2 days and 1 hour")).toBe("P2DT1H");
	});

	it("keeps an ISO duration that was typed as such", () => {
		expect(parseDuration("pt4h")).toBe("PT4H");
		expect(parseDuration("P1M")).toBe("P1M");
	});

	it("refuses what it cannot read", () => {
		for (const text of ["", "soon", "4", "4 fortnights", "PT", "P1DT", "4 hours later", "1 hour 2 hours"])
			expect(parseDuration(text)).toBeNull();
	});

	it("shows ISO durations back in words", () => {
		expect(formatDuration("PT4H")).toBe("4 hours");
		expect(formatDuration("P1D")).toBe("1 day");
		expect(formatDuration("P2DT3H")).toBe("2 days 3 hours");
		expect(formatDuration("PT1S")).toBe("1 second");
		expect(formatDuration("P1M")).toBe("P1M");
		expect(formatDuration("nonsense")).toBe("nonsense");
	});

	it("round-trips what it formats", () => {
		for (const iso of ["PT4H", "P3D", "P1W", "PT90M", "P2DT3H", "PT30S"])
			expect(parseDuration(formatDuration(iso))).toBe(iso);
	});
});
