/**
 * The A/B decision (issue #16): who wins, when, and why — in words a marketer can read.
 *
 * - Early stop only with auto-send, after `minDurationMs` and `minPerArm` per arm, when the best
 *   allowed arm beats every other allowed arm at α/m (Bonferroni over the m = k(k−1)/2 pairs, each
 *   pair tested with the always-valid sequence at level α/m, so looking again and again stays valid).
 * - At the end (`final`) the best allowed arm wins; `significant: false` when it did not beat all
 *   the other allowed arms.
 * - Guardrail (guardrail.ts): an arm with significantly more unsubscribes or complaints cannot win,
 *   however it leads; when it leaves a single arm allowed, that arm wins (early too) with nobody to beat.
 *
 * Each arm's `interval` is the always-valid interval of its OWN rate (what the results chart draws
 * as a band); `p_value` is the always-valid p-value of its difference against the control (the
 * first arm), and null for the control itself.
 */
import { type ChiSquareResult, pearsonChiSquare } from "./chi-square";
import { formatPercent, formatPoints } from "./format";
import { guardrailBlocks } from "./guardrail";
import { compareProportions, rate, rateInterval } from "./sequential";

export interface DecideArm {
	variantId: string;
	name: string;
	/** delivered (or sent when deliveries are not reported) */
	n: number;
	/** successes of the metric */
	x: number;
	unsubscribes: number;
	complaints: number;
}

export interface DecideInput {
	arms: readonly DecideArm[];
	alpha: number;
	N: number;
	elapsedMs: number;
	minDurationMs?: number;
	minPerArm?: number;
	final: boolean;
	autoSendWinner: boolean;
}

export interface ArmResult {
	variantId: string;
	rate: number;
	interval: [number, number];
	p_value: number | null;
}

export interface Decision {
	winner?: { variantId: string; significant: boolean; reason: string };
	arms: ArmResult[];
	/** Pearson's χ² across all arms: the secondary, fixed-horizon figure */
	chi_square: ChiSquareResult;
}

export function decide(input: DecideInput): Decision {
	const { arms, alpha, N } = input;
	const [control] = arms;
	if (control === undefined || arms.length < 2) throw new RangeError("an A/B decision needs at least 2 arms");

	const results: ArmResult[] = arms.map((arm, i) => ({
		variantId: arm.variantId,
		rate: rate(arm),
		interval: rateInterval(arm, { alpha, N }),
		p_value: i === 0 ? null : compareProportions(arm, control, { alpha, N }).p_value,
	}));
	const chi_square = pearsonChiSquare(arms.map((a) => [a.x, Math.max(0, a.n - a.x)]));

	const blocked = guardrailBlocks(arms, alpha, N);
	const allowed = arms.filter((a) => !blocked.has(a.variantId));
	const eligible = allowed.length > 0 ? allowed : arms;
	// Ties go to the earlier arm (the control first), so an even result never switches content.
	const best = (list: readonly DecideArm[]) => list.reduce((b, a) => (rate(a) > rate(b) ? a : b));
	const leader = best(eligible);
	// A blocked arm will never be sent, so the leader has to beat only the arms that could be: with one arm left,
	// the guardrail's own (always-valid) finding decides, and there is nobody else to beat.
	const others = eligible.filter((a) => a !== leader);
	const runnerUp = best(others.length > 0 ? others : arms.filter((a) => a !== leader));

	const m = (arms.length * (arms.length - 1)) / 2;
	const perPair = { alpha: alpha / m, N };
	const beatsAll = others.every((o) => {
		const t = compareProportions(leader, o, perPair);
		return t.estimate > 0 && t.p_value < perPair.alpha;
	});
	const alone = others.length === 0 && blocked.size > 0;

	const guardNote = [...blocked.values()].map((r) => `${r}. `).join("");
	const lead = `${formatPercent(rate(leader))} vs ${formatPercent(rate(runnerUp))} for ${runnerUp.name}`;
	if (beatsAll) {
		const reason = alone
			? `${guardNote}${leader.name} wins as the only arm allowed to (${lead})`
			: `${guardNote}${leader.name} wins: ${lead}, ahead of every other arm beyond chance (always-valid test at α ${alpha} over ${m} pair${m > 1 ? "s" : ""})`;
		const minDurationMs = input.minDurationMs ?? 3_600_000;
		const minPerArm = input.minPerArm ?? 200;
		const earlyAllowed =
			input.autoSendWinner && input.elapsedMs >= minDurationMs && arms.every((a) => a.n >= minPerArm);
		if (input.final || earlyAllowed) {
			return { winner: { variantId: leader.variantId, significant: true, reason }, arms: results, chi_square };
		}
		return { arms: results, chi_square };
	}
	if (!input.final) return { arms: results, chi_square };

	let reason: string;
	if (arms.every((a) => a.n === 0)) {
		reason = `Nothing was delivered during the test; ${leader.name} is sent by default`;
	} else if (rate(leader) === rate(runnerUp)) {
		reason = `${leader.name} and ${runnerUp.name} were level at ${formatPercent(rate(leader))}; not enough evidence yet, ${leader.name} is sent by default`;
	} else {
		reason = `${leader.name} led by ${formatPoints(rate(leader) - rate(runnerUp))} (${lead}); not enough evidence yet`;
	}
	return {
		winner: { variantId: leader.variantId, significant: false, reason: `${guardNote}${reason}` },
		arms: results,
		chi_square,
	};
}
