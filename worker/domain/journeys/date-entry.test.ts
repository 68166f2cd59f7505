import { describe, expect, it } from "vitest";
import { startAt, targetMonthDay } from "./date-entry";

describe("date entries", () => {
	it("a week before a birthday enters on the day whose date plus seven is the birthday, across a year's end", () => {
		expect(targetMonthDay("2026-12-28", -7)).toBe("01-04");
		expect(targetMonthDay("2026-03-01", 0)).toBe("03-01");
		expect(targetMonthDay("2026-03-01", 1)).toBe("02-28");
	});

	it("starts at the local time in the contact's zone, else the workspace's", () => {
		expect(new Date(startAt("2026-06-10", "09:00", "Europe/Berlin", "UTC") ?? 0).toISOString()).toBe(
			"2026-06-10T07:00:00.000Z",
		);
		expect(new Date(startAt("2026-06-10", "09:00", null, "America/New_York") ?? 0).toISOString()).toBe(
			"2026-06-10T13:00:00.000Z",
		);
		expect(startAt("2026-06-10", undefined, null, "UTC")).toBeUndefined();
	});
});
