import { describe, expect, it } from "vitest";
import { dayKey, formatMonthParam, monthGrid, parseMonth, shiftMonth } from "./month";

describe("calendar month grid", () => {
	it("shows whole weeks from Monday, covering the whole month", () => {
		const days = monthGrid({ year: 2026, month: 11 }); // December 2026 starts on a Tuesday
		expect(days).toHaveLength(35);
		expect(dayKey(days[0] as Date)).toBe("2026-11-30");
		expect(dayKey(days[34] as Date)).toBe("2027-01-03");
		expect(days.every((d, i) => d.getDay() === (i + 1) % 7)).toBe(true);
	});

	it("reads the month from the URL and moves across years", () => {
		const now = new Date(2026, 11, 2);
		expect(parseMonth("2027-02", now)).toEqual({ year: 2027, month: 1 });
		expect(parseMonth("2027-13", now)).toEqual({ year: 2026, month: 11 });
		expect(parseMonth(undefined, now)).toEqual({ year: 2026, month: 11 });
		expect(formatMonthParam(shiftMonth({ year: 2026, month: 11 }, 1))).toBe("2027-01");
		expect(formatMonthParam(shiftMonth({ year: 2026, month: 0 }, -1))).toBe("2025-12");
	});
});
