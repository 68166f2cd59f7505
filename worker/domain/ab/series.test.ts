import { describe, expect, it } from "vitest";
import { abDecision } from "./phase";
import { abSeries, SERIES_BUCKETS, seriesWindow } from "./series";

describe("each arm's rate over time", () => {
	const start = Date.parse("2026-05-01T10:00:00Z");

	it("spans the test from its start to its decision, or to now while it runs", () => {
		const running = seriesWindow({
			startedAt: start,
			durationMs: 4 * 3_600_000,
			decidedAt: null,
			now: start + 3_600_000,
		});
		expect(running).toEqual({ start, width: 3_600_000 / SERIES_BUCKETS, buckets: SERIES_BUCKETS });
		const decided = seriesWindow({
			startedAt: start,
			durationMs: 3_600_000,
			decidedAt: start + 7_200_000,
			now: start + 9e6,
		});
		expect(decided.width * decided.buckets).toBe(7_200_000);
		// A test seconds old still draws 24 points a second apart at least.
		expect(seriesWindow({ startedAt: start, durationMs: 30_000, decidedAt: null, now: start + 10 }).width).toBe(1_000);
	});

	it("accumulates each arm's reach and successes, ending on the results table's rate and interval", () => {
		const points = abSeries({
			variantIds: ["a", "b"],
			start,
			width: 60_000,
			upTo: 3,
			reached: [
				{ variantId: "a", bucket: 0, count: 100 },
				{ variantId: "b", bucket: 0, count: 100 },
				{ variantId: "a", bucket: 1, count: 100 },
				{ variantId: "b", bucket: 2, count: 100 },
				{ variantId: "b", bucket: 5, count: 999 },
			],
			successes: [
				{ variantId: "a", bucket: 1, count: 10 },
				{ variantId: "b", bucket: 0, count: 30 },
				{ variantId: "b", bucket: 2, count: 30 },
			],
		});
		expect(points.map((p) => p.at)).toEqual([
			"2026-05-01T10:01:00.000Z",
			"2026-05-01T10:02:00.000Z",
			"2026-05-01T10:03:00.000Z",
		]);
		expect(points.map((p) => p.arms.map((a) => a.rate))).toEqual([
			[0, 0.3],
			[0.05, 0.3],
			[0.05, 0.3],
		]);
		const last = points[2]?.arms;
		const table = abDecision({
			metric: "clicks",
			arms: [
				{
					variantId: "a",
					name: "A",
					totals: { sent: 200, delivered: 0, opens: 0, clicks: 10, conversions: 0, unsubscribes: 0, complaints: 0 },
				},
				{
					variantId: "b",
					name: "B",
					totals: { sent: 200, delivered: 0, opens: 0, clicks: 60, conversions: 0, unsubscribes: 0, complaints: 0 },
				},
			],
			deliveriesReported: false,
			elapsedMs: 0,
			final: false,
			autoSendWinner: false,
		});
		expect(last?.map((a) => a.interval)).toEqual(table.arms.map((a) => a.interval));
		// The band narrows as the sample grows.
		const width = (i: number) => (points[i]?.arms[1]?.interval[1] ?? 0) - (points[i]?.arms[1]?.interval[0] ?? 0);
		expect(width(2)).toBeLessThan(width(0));
		expect(points[0]?.arms[0]?.interval[0]).toBe(0);
	});
});
