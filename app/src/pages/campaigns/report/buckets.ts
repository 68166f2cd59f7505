import type { ReportTimeline } from "../../../lib/types";

export type BucketSize = ReportTimeline["bucket"];
export type Bucket = { at: number; opens: number; clicks: number; machine_opens: number; bot_clicks: number };

export const BUCKET_MS: Record<BucketSize, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** At most this many bars are drawn (the latest ones). */
export const MAX_BARS = 180;

/**
 * The server's buckets with the empty ones between the first and the last filled in (it only sends buckets that
 * had events), capped to the latest `MAX_BARS`.
 */
export function fillBuckets(timeline: ReportTimeline): Bucket[] {
	const step = BUCKET_MS[timeline.bucket];
	const points = timeline.points
		.map((p) => ({ ...p, at: new Date(p.at).getTime() }))
		.filter((p) => !Number.isNaN(p.at))
		.sort((a, b) => a.at - b.at);
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return [];
	const byAt = new Map(points.map((p) => [p.at, p]));
	const start = Math.max(first.at, last.at - (MAX_BARS - 1) * step);
	const buckets: Bucket[] = [];
	for (let at = start; at <= last.at; at += step)
		buckets.push(byAt.get(at) ?? { at, opens: 0, clicks: 0, machine_opens: 0, bot_clicks: 0 });
	return buckets;
}

/** 1, 2, 5, 10, 20, 50…: a round top for the y axis. */
export function niceMax(value: number): number {
	if (value <= 4) return Math.max(1, value);
	const magnitude = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
	return 10 * magnitude;
}

/** The x axis title: what one bar is. */
export const AXIS_TITLE: Record<BucketSize, string> = {
	minute: "Time (one bar per minute)",
	hour: "Time (one bar per hour)",
	day: "Date (one bar per day)",
};
