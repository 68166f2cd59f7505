/**
 * The A/B metric as a proportion (issue #16): unique human clicks, unique human opens (machine opens
 * excluded upstream) or conversions, per delivered message — or per sent message when the provider
 * does not report deliveries, since then "delivered" would stay 0 and no arm could ever be judged.
 */
import type { Counts } from "./sequential";

export type AbMetric = "clicks" | "opens" | "conversion";

export interface ArmTotals {
	sent: number;
	delivered: number;
	opens: number;
	clicks: number;
	conversions: number;
}

export function metricCounts(metric: AbMetric, totals: ArmTotals, deliveriesReported: boolean): Counts {
	const n = deliveriesReported ? totals.delivered : totals.sent;
	const x = metric === "clicks" ? totals.clicks : metric === "opens" ? totals.opens : totals.conversions;
	// A click can be counted before its delivery event arrives: never let the rate exceed 100%.
	return { x: Math.min(x, n), n };
}
