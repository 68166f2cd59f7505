/** A sentence on why nobody matches, from each top-level rule's count alone (when the API gave them). */
export function whyEmpty(counts: { path: string; count: number }[] | undefined): string {
	if (!counts)
		return "Nobody matches yet. Check that values are spelled as your contacts have them (matching is exact), widen a time window, or use “any” instead of “all”.";
	const empty = counts.filter((c) => c.count === 0).length;
	if (empty === 0)
		return "Each rule matches someone, but nobody matches all of them together. Try “any” instead of “all”, or remove a rule.";
	return `${empty === 1 ? "One rule matches" : `${empty} rules match`} nobody on ${empty === 1 ? "its" : "their"} own (marked below it); change or remove ${empty === 1 ? "it" : "them"}.`;
}
