/**
 * The winner the results show. While a person has still to pick (`deciding`), the suggestion follows the counts as
 * they come in (late clicks, opens, conversions): the decision of now, with the one taken when the test ended kept
 * on record and named in the reason when it differs. In every other phase, the winner on record.
 */

export type ShownWinner = { variant_id: string; significant: boolean; decided_at: string; reason: string };

export function shownWinner(input: {
	phase: string | null;
	/** the winner on record (D1's mirror): decided, picked, or suggested when the test ended */
	recorded: ShownWinner | null;
	/** the decision from the counts now (`final`), when the test is deciding */
	current: { variantId: string; significant: boolean; reason: string } | undefined;
	names: ReadonlyMap<string, string>;
	now: number;
}): ShownWinner | undefined {
	const { recorded, current } = input;
	if (input.phase !== "deciding" || !current) return recorded ?? undefined;
	const same = recorded?.variant_id === current.variantId && recorded.significant === current.significant;
	const name = (id: string) => input.names.get(id) ?? id;
	const reason =
		recorded && !same
			? `Now: ${current.reason}. When the test ended (${recorded.decided_at}), the suggestion was ${name(recorded.variant_id)}: ${recorded.reason}`
			: current.reason;
	return {
		variant_id: current.variantId,
		significant: current.significant,
		decided_at: new Date(input.now).toISOString(),
		reason,
	};
}
