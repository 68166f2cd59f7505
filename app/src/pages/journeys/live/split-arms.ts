import type { JourneyStats } from "../../../lib/api/journeys";

type Stats = Pick<JourneyStats, "arms" | "arm_results">;

/**
 * What the split-arms table shows per step and arm: the analysed results (entered, conversions, their rate) when
 * the stats carry them, else how many took each arm.
 */
export function splitArmRows(stats: Stats | undefined): Record<string, Record<string, unknown>> {
	const rows: Record<string, Record<string, unknown>> = { ...(stats?.arms ?? {}) };
	for (const [step, result] of Object.entries(stats?.arm_results ?? {}))
		rows[step] = Object.fromEntries(
			result.arms.map((a) => [a.arm_id, { entered: a.entered, conversions: a.conversions, conversion_rate: a.rate }]),
		);
	return rows;
}

/** One sentence per split step: which arm leads and whether the evidence is enough (the A/B test's own words). */
export function splitVerdicts(stats: Stats | undefined): { step: string; text: string }[] {
	return Object.entries(stats?.arm_results ?? {}).flatMap(([step, result]) =>
		result.winner
			? [{ step, text: `${result.winner.significant ? "Winner" : "No winner yet"}: ${result.winner.reason}` }]
			: [],
	);
}
