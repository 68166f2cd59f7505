/**
 * Pearson's χ² test of independence across all arms: the secondary figure on the results table
 * ("do the arms differ at all?"). It is a fixed-horizon test, so it is shown, never used to stop.
 */
import { gammaQ } from "./gamma";

export interface ChiSquareResult {
	statistic: number;
	df: number;
	p_value: number;
}

/** Survival function of the χ² distribution with `df` degrees of freedom: P(X ≥ x). */
export function chiSquareSurvival(x: number, df: number): number {
	if (x <= 0) return 1;
	return gammaQ(df / 2, x / 2);
}

/**
 * χ² for an r × c table of counts (rows = outcome, columns = arm, or the transpose: the statistic
 * is the same). Rows or columns that are all zero carry no information and are left out, so an
 * arm that has sent nothing yet does not break the test; fewer than 2 × 2 usable cells gives p = 1.
 */
export function pearsonChiSquare(table: readonly (readonly number[])[]): ChiSquareResult {
	const rows = table.filter((row) => row.some((v) => v > 0));
	const width = Math.max(0, ...rows.map((row) => row.length));
	const columns = [...Array(width).keys()].filter((j) => rows.some((row) => (row[j] ?? 0) > 0));
	const rowTotals = rows.map((row) => columns.reduce((s, j) => s + (row[j] ?? 0), 0));
	const columnTotals = columns.map((j) => rows.reduce((s, row) => s + (row[j] ?? 0), 0));
	const total = rowTotals.reduce((s, v) => s + v, 0);
	const df = (rows.length - 1) * (columns.length - 1);
	if (df < 1 || total === 0) return { statistic: 0, df: Math.max(df, 0), p_value: 1 };
	let statistic = 0;
	rows.forEach((row, i) => {
		columns.forEach((j, k) => {
			const expected = ((rowTotals[i] ?? 0) * (columnTotals[k] ?? 0)) / total;
			const diff = (row[j] ?? 0) - expected;
			statistic += (diff * diff) / expected;
		});
	});
	return { statistic, df, p_value: chiSquareSurvival(statistic, df) };
}
