/** Rates in words for the decision's reasons: "4.2%", and differences in percentage points. */

export function formatPercent(rate: number): string {
	return `${(rate * 100).toFixed(rate < 0.001 && rate > 0 ? 2 : 1)}%`;
}

export function formatPoints(difference: number): string {
	const points = Math.abs(difference * 100);
	return `${points.toFixed(points > 0 && points < 0.1 ? 2 : 1)} points`;
}
