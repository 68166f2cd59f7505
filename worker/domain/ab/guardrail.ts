/**
 * Guardrail: an arm that significantly raises unsubscribes or complaints cannot win, however well it
 * clicks. Each arm is compared with the best other arm on that count (the lowest rate) by the same
 * always-valid test at plain α, not α/m: wrongly blocking a harmless arm costs a little lift, wrongly
 * sending a harmful one to the whole list costs subscribers, so the guardrail leans to blocking.
 */
import { formatPercent } from "./format";
import { compareProportions, rate } from "./sequential";

export interface GuardedArm {
	variantId: string;
	name: string;
	n: number;
	unsubscribes: number;
	complaints: number;
}

const HARMS = [
	["unsubscribes", "unsubscribe"],
	["complaints", "complaint"],
] as const;

/** The arms that may not win, each with the reason in words. */
export function guardrailBlocks(arms: readonly GuardedArm[], alpha: number, N: number): Map<string, string> {
	const blocked = new Map<string, string>();
	for (const [field, label] of HARMS) {
		for (const arm of arms) {
			if (blocked.has(arm.variantId)) continue;
			const others = arms.filter((o) => o !== arm && o.n > 0);
			const best = others.reduce<GuardedArm | undefined>(
				(b, o) => (b === undefined || rate({ x: o[field], n: o.n }) < rate({ x: b[field], n: b.n }) ? o : b),
				undefined,
			);
			if (best === undefined) continue;
			const mine = { x: arm[field], n: arm.n };
			const theirs = { x: best[field], n: best.n };
			const test = compareProportions(mine, theirs, { alpha, N });
			if (test.estimate > 0 && test.p_value < alpha) {
				blocked.set(
					arm.variantId,
					`${arm.name} cannot win: its ${label} rate (${formatPercent(rate(mine))}) is significantly higher than ${best.name}'s (${formatPercent(rate(theirs))})`,
				);
			}
		}
	}
	return blocked;
}
