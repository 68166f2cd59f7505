/**
 * Each arm's rate over time with its always-valid interval (the results chart's lines and bands), from counts per
 * time bucket: the people reached (delivered, or sent) and the people who first clicked, opened or converted in each
 * bucket. Every point is what the results table would have shown at the bucket's end: the same metric, the same
 * interval, the tuning `N` of the sample at that moment. Valid however often it was looked at, so a band that
 * narrows over time tells the truth at each step.
 */
import { AB_ALPHA, tuningN } from "./phase";
import { rate, rateInterval } from "./sequential";

/** How many points the chart draws across the test. */
export const SERIES_BUCKETS = 24;

export type BucketCount = { variantId: string; bucket: number; count: number };
export type SeriesPoint = {
	at: string;
	arms: { variant_id: string; rate: number; interval: [number, number] }[];
};

/** The chart's time window: from the test's start to its decision (or its end, or now while it runs). */
export function seriesWindow(test: { startedAt: number; durationMs: number; decidedAt: number | null; now: number }): {
	start: number;
	width: number;
	buckets: number;
} {
	const end = test.decidedAt ?? Math.min(test.now, test.startedAt + test.durationMs);
	const span = Math.max(SERIES_BUCKETS * 1_000, end - test.startedAt);
	return { start: test.startedAt, width: Math.ceil(span / SERIES_BUCKETS), buckets: SERIES_BUCKETS };
}

/**
 * The points up to `upTo` buckets (the buckets elapsed so far): per bucket end, each arm's cumulative rate and
 * interval. Counts in buckets past the window are left out; earlier ones are counted from the first bucket.
 */
export function abSeries(input: {
	variantIds: readonly string[];
	start: number;
	width: number;
	upTo: number;
	reached: readonly BucketCount[];
	successes: readonly BucketCount[];
}): SeriesPoint[] {
	const grid = (counts: readonly BucketCount[]) => {
		const rows = new Map(input.variantIds.map((id) => [id, new Array<number>(input.upTo).fill(0)]));
		for (const c of counts) {
			const row = rows.get(c.variantId);
			const b = Math.max(0, c.bucket);
			if (row && b < input.upTo) row[b] = (row[b] ?? 0) + c.count;
		}
		return rows;
	};
	const reached = grid(input.reached);
	const successes = grid(input.successes);
	const n = new Map(input.variantIds.map((id) => [id, 0]));
	const x = new Map(input.variantIds.map((id) => [id, 0]));
	const points: SeriesPoint[] = [];
	for (let b = 0; b < input.upTo; b++) {
		for (const id of input.variantIds) {
			n.set(id, (n.get(id) ?? 0) + (reached.get(id)?.[b] ?? 0));
			x.set(id, (x.get(id) ?? 0) + (successes.get(id)?.[b] ?? 0));
		}
		const total = input.variantIds.reduce((sum, id) => sum + (n.get(id) ?? 0), 0);
		const N = tuningN(total, input.variantIds.length);
		points.push({
			at: new Date(input.start + (b + 1) * input.width).toISOString(),
			arms: input.variantIds.map((id) => {
				const counts = { n: n.get(id) ?? 0, x: Math.min(x.get(id) ?? 0, n.get(id) ?? 0) };
				return { variant_id: id, rate: rate(counts), interval: rateInterval(counts, { alpha: AB_ALPHA, N }) };
			}),
		});
	}
	return points;
}
