/**
 * The A/B phases a campaign object moves through (issue #16): testing → deciding → sending_winner → done.
 * Pure decisions only: when a decision is due, and the decision itself from the arms' counts.
 */
import { type Decision, decide } from "./decide";
import { type AbMetric, type ArmTotals, metricCounts } from "./metric";

export const AB_ALPHA = 0.05;
/** Early stop needs this long and this many delivered per arm (and auto-send). */
export const EARLY_MIN_MS = 3_600_000;
export const EARLY_MIN_PER_ARM = 200;
/** How often a running test is checked for an early stop (each check reads D1). */
export const EARLY_CHECK_MS = 60_000;
/** The least an arm pair's tuning sample may be: below it the intervals are needlessly wide. */
const MIN_TUNING_N = 100;

export type AbClock = {
	phase: "testing" | "deciding" | "sending_winner" | "done";
	startedAt: number;
	durationMs: number;
	autoSendWinner: boolean;
	/** when the test was last checked for an early stop (0: never) */
	lastEarlyCheck: number;
};

/**
 * What the object should do now: `final` at the end of the test (or, in `deciding` with auto-send, when the decision
 * was interrupted), `early` when an early stop may be checked, null otherwise. Nothing is decided before the test
 * group's fan-out is done.
 */
export function abDue(ab: AbClock, now: number, testFanoutDone: boolean): "final" | "early" | null {
	if (ab.phase === "deciding") return ab.autoSendWinner ? "final" : null;
	if (ab.phase !== "testing" || !testFanoutDone) return null;
	if (now >= ab.startedAt + ab.durationMs) return "final";
	if (!ab.autoSendWinner || now - ab.startedAt < EARLY_MIN_MS) return null;
	return now - ab.lastEarlyCheck >= EARLY_CHECK_MS ? "early" : null;
}

/**
 * When the test next needs the object once its test group has settled (as `abDue` would first answer): at the end
 * of the test, or with auto-send at the next early-stop check; at once for an interrupted decision; null while a
 * person decides (their pick, a pause or a resume wakes the object). Null outside testing and deciding.
 */
export function abNextDueAt(ab: AbClock): number | null {
	if (ab.phase === "deciding") return ab.autoSendWinner ? ab.startedAt : null;
	if (ab.phase !== "testing") return null;
	const end = ab.startedAt + ab.durationMs;
	if (!ab.autoSendWinner) return end;
	return Math.min(end, Math.max(ab.startedAt + EARLY_MIN_MS, ab.lastEarlyCheck + EARLY_CHECK_MS));
}

/** The tuning sample of an arm pair: twice the average arm (at least `MIN_TUNING_N`). */
export const tuningN = (total: number, arms: number) => Math.max(MIN_TUNING_N, (2 * total) / Math.max(1, arms));

export type AbArm = {
	variantId: string;
	name: string;
	totals: ArmTotals & { unsubscribes: number; complaints: number };
};

/**
 * The decision from the arms' counts: the metric per delivered (per sent when deliveries are not reported), tuned
 * to the pair's expected sample (twice the average arm), at α 0.05.
 */
export function abDecision(input: {
	metric: AbMetric;
	arms: readonly AbArm[];
	deliveriesReported: boolean;
	elapsedMs: number;
	final: boolean;
	autoSendWinner: boolean;
}): Decision {
	const arms = input.arms.map((a) => ({
		variantId: a.variantId,
		name: a.name,
		...metricCounts(input.metric, a.totals, input.deliveriesReported),
		unsubscribes: a.totals.unsubscribes,
		complaints: a.totals.complaints,
	}));
	const N = tuningN(
		arms.reduce((sum, a) => sum + a.n, 0),
		arms.length,
	);
	return decide({
		arms,
		alpha: AB_ALPHA,
		N,
		elapsedMs: input.elapsedMs,
		minDurationMs: EARLY_MIN_MS,
		minPerArm: EARLY_MIN_PER_ARM,
		final: input.final,
		autoSendWinner: input.autoSendWinner,
	});
}
