import { describe, expect, it } from "vitest";
import { metricCounts } from "./metric";

const totals = { sent: 1000, delivered: 950, opens: 400, clicks: 120, conversions: 15 };

describe("the A/B metric as counts", () => {
	it("counts clicks, opens or conversions per delivered message", () => {
		expect(metricCounts("clicks", totals, true)).toEqual({ x: 120, n: 950 });
		expect(metricCounts("opens", totals, true)).toEqual({ x: 400, n: 950 });
		expect(metricCounts("conversion", totals, true)).toEqual({ x: 15, n: 950 });
	});

	it("counts per sent message when the provider does not report deliveries", () => {
		expect(metricCounts("clicks", { ...totals, delivered: 0 }, false)).toEqual({ x: 120, n: 1000 });
	});

	it("never reports more successes than trials (a click seen before its delivery event)", () => {
		expect(metricCounts("clicks", { ...totals, delivered: 100 }, true)).toEqual({ x: 100, n: 100 });
	});
});
