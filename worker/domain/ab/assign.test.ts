import { describe, expect, it } from "vitest";
import { assignVariant, hash32 } from "./assign";
import { chiSquareSurvival } from "./chi-square";

const ids = Array.from({ length: 100_000 }, (_, i) => `c_${String(i).padStart(6, "0")}`);

function tally(campaignId: string, variants: string[], testPercent: number): Map<string, number> {
	const counts = new Map<string, number>();
	for (const id of ids) {
		const a = assignVariant(campaignId, id, variants, testPercent);
		const key = a.group === "test" ? a.variantId : "holdout";
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

describe("A/B variant assignment", () => {
	it("gives a contact the same variant on every call", () => {
		const variants = ["v_a", "v_b", "v_c"];
		for (const id of ids.slice(0, 1000)) {
			expect(assignVariant("cmp_1", id, variants, 50)).toEqual(assignVariant("cmp_1", id, variants, 50));
		}
		expect(hash32("cmp_1:c_000001")).toBe(hash32("cmp_1:c_000001"));
	});

	it("splits 100k sequential ids evenly over 2 to 8 variants (each within 2% of its share, χ² p > 0.01)", () => {
		for (const k of [2, 3, 5, 8]) {
			const variants = Array.from({ length: k }, (_, i) => `v_${i}`);
			const counts = tally(`cmp_${k}`, variants, 100);
			expect(counts.has("holdout")).toBe(false);
			const expected = ids.length / k;
			let chi2 = 0;
			for (const v of variants) {
				const c = counts.get(v) ?? 0;
				expect(Math.abs(c - expected) / expected).toBeLessThan(0.02);
				chi2 += (c - expected) ** 2 / expected;
			}
			expect(chiSquareSurvival(chi2, k - 1)).toBeGreaterThan(0.01);
		}
	});

	it("puts test_percent of the contacts in the test group and the rest in the holdout", () => {
		for (const testPercent of [1, 20, 50, 99]) {
			const counts = tally("cmp_share", ["v_a", "v_b"], testPercent);
			const share = 1 - (counts.get("holdout") ?? 0) / ids.length;
			expect(Math.abs(share - testPercent / 100)).toBeLessThan(0.005);
		}
		expect(tally("cmp_share", ["v_a", "v_b"], 100).get("holdout")).toBeUndefined();
	});

	it("keeps every test-group contact on its variant when the test group grows", () => {
		const variants = ["v_a", "v_b", "v_c", "v_d"];
		for (const id of ids.slice(0, 5000)) {
			const small = assignVariant("cmp_grow", id, variants, 10);
			if (small.group === "test") expect(assignVariant("cmp_grow", id, variants, 60)).toEqual(small);
		}
	});

	it("salts by campaign: two campaigns split the same contacts independently", () => {
		const variants = ["v_a", "v_b"];
		let same = 0;
		for (const id of ids.slice(0, 20_000)) {
			const a = assignVariant("cmp_x", id, variants, 100);
			const b = assignVariant("cmp_y", id, variants, 100);
			if (a.group === "test" && b.group === "test" && a.variantId === b.variantId) same++;
		}
		expect(Math.abs(same / 20_000 - 0.5)).toBeLessThan(0.02);
	});

	it("refuses fewer than 2 or more than 8 variants and a test_percent outside 1..100", () => {
		expect(() => assignVariant("c", "x", ["a"], 50)).toThrow(RangeError);
		expect(() => assignVariant("c", "x", ["1", "2", "3", "4", "5", "6", "7", "8", "9"], 50)).toThrow(RangeError);
		expect(() => assignVariant("c", "x", ["a", "b"], 0)).toThrow(RangeError);
		expect(() => assignVariant("c", "x", ["a", "b"], 101)).toThrow(RangeError);
	});
});
