/** The size of one bar of a campaign's opens-and-clicks chart. */
export type BucketSize = "minute" | "hour" | "day";

export const BUCKET_MS: Record<BucketSize, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Up to this span minute bars are drawn (at most 180 of them), up to `HOURS_UP_TO` hour bars (at most 96), then days. */
export const MINUTES_UP_TO = 3 * 3_600_000;
export const HOURS_UP_TO = 4 * 86_400_000;

/**
 * The bucket for a chart spanning `from`..`to` (ms): minutes during a campaign's first hours, then hours, then
 * days, so the chart never has more than a couple of hundred bars and never a single one for a fresh send.
 */
export function chooseBucket(from: number, to: number): BucketSize {
	const span = Math.max(0, to - from);
	if (span <= MINUTES_UP_TO) return "minute";
	if (span <= HOURS_UP_TO) return "hour";
	return "day";
}

/** The start of the bucket holding `at`. */
export const bucketStart = (at: number, size: BucketSize) => Math.floor(at / BUCKET_MS[size]) * BUCKET_MS[size];
