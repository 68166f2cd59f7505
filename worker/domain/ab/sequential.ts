/**
 * Always-valid comparison of two proportions: the normal-mixture confidence sequence of
 * Waudby-Smith et al. ("Time-uniform central limit theory", arXiv 2103.06476v7, eq. 155), the same
 * method as GrowthBook's sequential test. Ported from growthbook/growthbook
 * packages/stats/gbstats/frequentist/tests.py (SequentialTwoSidedTTest, sequential_rho,
 * sequential_interval_halfwidth) and its delta-method moments for the relative lift.
 *
 * Why not a plain z-test: Pulse shows results live. A fixed-horizon p-value is only valid if you look
 * once; checked after every batch its false-winner rate climbs far above α. These intervals and
 * p-values hold simultaneously at every sample size, so people may look as often as they like.
 * The price is a wider interval, narrowest when the pair's sample is near the tuning `N`.
 */

/** x successes out of n trials (e.g. unique human clicks out of delivered). */
export interface Counts {
	x: number;
	n: number;
}

export interface SequentialOptions {
	/** significance level, e.g. 0.05 */
	alpha: number;
	/** tuning parameter: the expected sample of the pair (both arms together) */
	N: number;
}

export interface Comparison {
	/** the point estimate (difference of rates, or relative lift) */
	estimate: number;
	interval: [number, number];
	/** always-valid p-value for "no difference" */
	p_value: number;
}

export const rate = ({ x, n }: Counts): number => (n > 0 ? x / n : 0);

/** ρ of the normal mixture, chosen so the sequence is tightest when n ≈ N. */
export function sequentialRho(alpha: number, N: number): number {
	const l = -2 * Math.log(alpha);
	return Math.sqrt((l + Math.log(l + 1)) / N);
}

/** Half-width of the confidence sequence; s2 = SE² · n is the per-observation variance. */
export function sequentialHalfWidth(s2: number, n: number, alpha: number, rho: number): number {
	const nr2 = n * rho * rho;
	return Math.sqrt(s2) * Math.sqrt(((2 * (nr2 + 1)) / (nr2 * n)) * Math.log(Math.sqrt(nr2 + 1) / alpha));
}

/** Always-valid p-value: the inverse of the mixture's e-value, capped at 1. */
export function sequentialPValue(estimate: number, se2: number, n: number, rho: number): number {
	if (!(se2 > 0)) return estimate === 0 ? 1 : 0;
	const nr2p1 = n * rho * rho + 1;
	const st2 = (estimate * estimate * n) / se2;
	return Math.min(1, Math.sqrt(nr2p1) * Math.exp(-(rho * rho * st2) / (2 * nr2p1)));
}

/**
 * Bernoulli variance p̂(1 − p̂) / n. At p̂ = 0 or 1 the plug-in variance is 0 and any difference would
 * look infinitely certain (0/3 vs 3/3 "proves" a winner), so there only, p̂ is pulled half a
 * success inside the range. Rates strictly between 0 and 1 use the plain formula.
 */
function meanVariance({ x, n }: Counts): number {
	const p = Math.min(Math.max(x / n, 0.5 / n), 1 - 0.5 / n);
	return (p * (1 - p)) / n;
}

function sequential(estimate: number, se2: number, n: number, { alpha, N }: SequentialOptions): Comparison {
	const rho = sequentialRho(alpha, N);
	const half = sequentialHalfWidth(se2 * n, n, alpha, rho);
	return { estimate, interval: [estimate - half, estimate + half], p_value: sequentialPValue(estimate, se2, n, rho) };
}

/** Δ = p̂w − p̂j with its always-valid interval and p-value. An empty arm tells nothing: p = 1. */
export function compareProportions(w: Counts, j: Counts, options: SequentialOptions): Comparison {
	const estimate = rate(w) - rate(j);
	if (w.n === 0 || j.n === 0) return { estimate, interval: [-1, 1], p_value: 1 };
	return sequential(estimate, meanVariance(w) + meanVariance(j), w.n + j.n, options);
}

/**
 * Relative lift (p̂b − p̂a) / p̂a of treatment b over control a, with the delta-method variance of the
 * ratio of means as GrowthBook computes it (gbstats EffectMoments, difference_type "relative"):
 * Var = σb² / (μa² nb) + σa² μb² / (μa⁴ na), then the same sequential half-width on that scale.
 */
export function relativeLift(a: Counts, b: Counts, options: SequentialOptions): Comparison {
	const ma = rate(a);
	const mb = rate(b);
	if (a.n === 0 || b.n === 0 || ma === 0) return { estimate: 0, interval: [0, 0], p_value: 1 };
	const va = ma * (1 - ma);
	const vb = mb * (1 - mb);
	const se2 = vb / (ma * ma * b.n) + (va * mb * mb) / (ma ** 4 * a.n);
	return sequential((mb - ma) / ma, se2, a.n + b.n, options);
}

/**
 * Always-valid interval for one arm's own rate (the band on the results chart): the one-sample form
 * of the same sequence, tuned to half the pair's expected sample, clipped to [0, 1].
 */
export function rateInterval(arm: Counts, { alpha, N }: SequentialOptions): [number, number] {
	if (arm.n === 0) return [0, 1];
	const { interval } = sequential(rate(arm), meanVariance(arm), arm.n, { alpha, N: N / 2 });
	return [Math.max(0, interval[0]), Math.min(1, interval[1])];
}
