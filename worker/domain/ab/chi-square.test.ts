import { describe, expect, it } from "vitest";
import { chiSquareSurvival, pearsonChiSquare } from "./chi-square";

describe("Pearson's χ² across all arms", () => {
	it("gives 2.7778, p 0.24935 for [[10,10,20],[20,20,20]]", () => {
		const result = pearsonChiSquare([
			[10, 10, 20],
			[20, 20, 20],
		]);
		expect(result.statistic).toBeCloseTo(2.7778, 4);
		expect(result.df).toBe(2);
		expect(result.p_value).toBeCloseTo(0.24935, 5);
	});

	it("has the textbook 5% critical values for 1 to 7 degrees of freedom", () => {
		const critical = [3.841459, 5.991465, 7.814728, 9.487729, 11.070498, 12.591587, 14.06714];
		critical.forEach((x, i) => {
			expect(chiSquareSurvival(x, i + 1)).toBeCloseTo(0.05, 6);
		});
		expect(chiSquareSurvival(0, 3)).toBe(1);
	});

	it("leaves out an arm that has sent nothing yet, and says nothing (p = 1) with one usable arm", () => {
		const withEmpty = pearsonChiSquare([
			[10, 0, 20],
			[90, 0, 80],
		]);
		const without = pearsonChiSquare([
			[10, 20],
			[90, 80],
		]);
		expect(withEmpty).toEqual(without);
		expect(pearsonChiSquare([[5], [95]])).toEqual({ statistic: 0, df: 0, p_value: 1 });
	});
});
