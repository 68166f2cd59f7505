import type { JourneyDefinition } from "../../contracts/journeys";
import { decide } from "../ab/decide";
import type { JourneyCounts } from "./counters";

/*
 * A split node's arms analysed like an A/B test (issue #16): each arm's conversion (the journey's goal when it has
 * one, else completing it) over the contacts who took it, with the same always-valid intervals and p-values, χ²
 * and worded verdict as campaign tests. Contacts still in flight count as not converted yet.
 */

export type SplitMetric = "goal" | "completed";

export type SplitArmResult = {
	arm_id: string;
	entered: number;
	conversions: number;
	rate: number;
	interval: [number, number];
	p_value: number | null;
};

export type SplitResult = {
	metric: SplitMetric;
	arms: SplitArmResult[];
	winner?: { arm_id: string; significant: boolean; reason: string };
	chi_square: { statistic: number; df: number; p_value: number };
};

const ALPHA = 0.05;

export function splitResults(
	counts: Pick<JourneyCounts, "arms" | "armEndings">,
	armIds: Record<string, string[]>,
	metric: SplitMetric,
): Record<string, SplitResult> {
	const results: Record<string, SplitResult> = {};
	for (const [nodeId, ids] of Object.entries(armIds)) {
		if (ids.length < 2) continue;
		const arms = ids.map((id) => ({
			variantId: id,
			name: id,
			n: counts.arms[nodeId]?.[id] ?? 0,
			x: counts.armEndings[nodeId]?.[id]?.[metric] ?? 0,
			unsubscribes: 0,
			complaints: 0,
		}));
		const entered = arms.reduce((sum, a) => sum + a.n, 0);
		if (entered === 0) continue;
		const decision = decide({
			arms,
			alpha: ALPHA,
			N: entered,
			elapsedMs: 0,
			final: true,
			autoSendWinner: false,
		});
		results[nodeId] = {
			metric,
			arms: decision.arms.map((r, i) => ({
				arm_id: r.variantId,
				entered: arms[i]?.n ?? 0,
				conversions: arms[i]?.x ?? 0,
				rate: r.rate,
				interval: r.interval,
				p_value: r.p_value,
			})),
			...(decision.winner && {
				winner: {
					arm_id: decision.winner.variantId,
					significant: decision.winner.significant,
					reason: decision.winner.reason,
				},
			}),
			chi_square: decision.chi_square,
		};
	}
	return results;
}

/** Each split node's arm ids, in the definition's order (the first is the control). */
export function splitArmIds(definition: JourneyDefinition): Record<string, string[]> {
	const ids: Record<string, string[]> = {};
	for (const [nodeId, node] of Object.entries(definition.nodes))
		if (node.type === "split") ids[nodeId] = node.arms.map((a) => a.id);
	return ids;
}

/** Whether the journey names a goal event (then arms are compared on reaching it, else on completing). */
export const hasGoal = (definition: JourneyDefinition) => (definition.exit ?? []).some((x) => x.type === "event");
