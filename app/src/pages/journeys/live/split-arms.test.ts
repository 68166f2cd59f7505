import { describe, expect, it } from "vitest";
import { splitArmRows, splitVerdicts } from "./split-arms";

describe("split arms on the live journey page", () => {
	it("shows each arm's conversions and rate when analysed, and the verdict in words", () => {
		const stats = {
			arms: { split: { a: 10, b: 12 }, other: { x: 3 } },
			arm_results: {
				split: {
					metric: "goal" as const,
					arms: [
						{
							arm_id: "a",
							entered: 10,
							conversions: 1,
							rate: 0.1,
							interval: [0, 0.5] as [number, number],
							p_value: null,
						},
						{
							arm_id: "b",
							entered: 12,
							conversions: 3,
							rate: 0.25,
							interval: [0, 0.6] as [number, number],
							p_value: 0.4,
						},
					],
					winner: { arm_id: "b", significant: false, reason: "b led by 15 points; not enough evidence yet" },
					chi_square: { statistic: 0.9, df: 1, p_value: 0.34 },
				},
			},
		};
		expect(splitArmRows(stats)).toEqual({
			split: {
				a: { entered: 10, conversions: 1, conversion_rate: 0.1 },
				b: { entered: 12, conversions: 3, conversion_rate: 0.25 },
			},
			other: { x: 3 },
		});
		expect(splitVerdicts(stats)).toEqual([
			{ step: "split", text: "No winner yet: b led by 15 points; not enough evidence yet" },
		]);
		expect(splitVerdicts(undefined)).toEqual([]);
	});
});
