/** The A/B results in words: the phase, a rate, an interval and how sure the test is. */
export const PHASE_WORDS = {
	testing: "Testing",
	deciding: "Waiting for a decision",
	sending_winner: "Sending the winner",
	done: "Done",
} as const;

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
export const intervalText = ([lo, hi]: [number, number]) => `${percent(lo)} – ${percent(hi)}`;
export const pValueText = (p: number | null) => (p === null ? "control" : p < 0.001 ? "< 0.001" : p.toFixed(3));

/** The headline: who won and whether it is real, or that the test is still collecting. */
export function verdict(
	results: {
		phase: keyof typeof PHASE_WORDS;
		ends_at?: string | null;
		winner?: { variant_id: string; significant: boolean };
		arms: { variant_id: string; name: string }[];
	},
	campaignStatus?: string,
): string {
	const winner = results.winner;
	const name = results.arms.find((a) => a.variant_id === winner?.variant_id)?.name ?? "";
	if (campaignStatus === "cancelled") return winner ? `Cancelled: ${name} was ahead` : "Cancelled before a winner";
	if (!winner)
		return !results.ends_at && results.phase === "testing" ? "Starts when the campaign is sent" : "Collecting results";
	if (results.phase === "deciding")
		return `${name} leads${winner.significant ? " (significant)" : ""}: pick the winner`;
	return winner.significant ? `${name} wins (significant)` : `No clear winner: ${name} was sent`;
}
