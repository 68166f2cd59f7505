import { describe, expect, it } from "vitest";
import { normalTwoSidedP } from "./gamma";
import { compareProportions, rateInterval, relativeLift, sequentialRho } from "./sequential";
import { zTest } from "./z-test";

const options = { alpha: 0.05, N: 5000 };

describe("always-valid test on the difference of two proportions", () => {
	it("matches GrowthBook's test_sequential_test_runs_prop: relative lift 0.50386, CI (0.40098, 0.60675)", () => {
		const result = relativeLift({ x: 1396, n: 3000 }, { x: 2422, n: 3461 }, options);
		expect(result.estimate).toBeCloseTo(0.50386, 5);
		expect(result.interval[0]).toBeCloseTo(0.40098, 5);
		expect(result.interval[1]).toBeCloseTo(0.60675, 5);
		expect(result.p_value).toBeLessThan(1e-10);
	});

	it("does not call 250/5000 vs 200/5000 a winner, where a fixed-horizon z-test would (p 0.016)", () => {
		const z = zTest({ x: 250, n: 5000 }, { x: 200, n: 5000 });
		expect(z.z).toBeCloseTo(2.41, 2);
		expect(z.p_value).toBeCloseTo(0.016, 3);
		const seq = compareProportions({ x: 250, n: 5000 }, { x: 200, n: 5000 }, options);
		expect(seq.estimate).toBeCloseTo(0.01, 10);
		expect(seq.interval[0]).toBeCloseTo(-0.00269, 5);
		expect(seq.interval[1]).toBeCloseTo(0.02269, 5);
		expect(seq.p_value).toBeCloseTo(0.2658, 4);
	});

	it("tunes ρ to the expected sample of the pair", () => {
		// ρ² = (−2 ln α + ln(−2 ln α + 1)) / N
		const l = -2 * Math.log(0.05);
		expect(sequentialRho(0.05, 5000) ** 2).toBeCloseTo((l + Math.log(l + 1)) / 5000, 12);
		expect(sequentialRho(0.05, 20_000)).toBeCloseTo(sequentialRho(0.05, 5000) / 2, 12);
	});

	it("keeps the false-winner rate under α however often an A/A test is looked at (the z-test does not)", () => {
		// 400 A/A tests at a 5% rate, looked at after every 100 recipients per arm up to 2,500.
		let seed = 42;
		const random = () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
		let zFalse = 0;
		let seqFalse = 0;
		for (let run = 0; run < 400; run++) {
			const a = { x: 0, n: 0 };
			const b = { x: 0, n: 0 };
			let zHit = false;
			let seqHit = false;
			for (let look = 0; look < 25; look++) {
				for (let i = 0; i < 100; i++) {
					a.n++;
					b.n++;
					if (random() < 0.05) a.x++;
					if (random() < 0.05) b.x++;
				}
				if (zTest(a, b).p_value < 0.05) zHit = true;
				if (compareProportions(a, b, options).p_value < 0.05) seqHit = true;
			}
			if (zHit) zFalse++;
			if (seqHit) seqFalse++;
		}
		expect(seqFalse / 400).toBeLessThan(0.05);
		expect(zFalse / 400).toBeGreaterThan(0.1);
	});

	it("never treats a 0% or 100% rate as certain, and an empty arm as evidence", () => {
		expect(compareProportions({ x: 3, n: 3 }, { x: 0, n: 3 }, options).p_value).toBeGreaterThan(0.5);
		expect(compareProportions({ x: 0, n: 500 }, { x: 0, n: 500 }, options).p_value).toBe(1);
		expect(compareProportions({ x: 500, n: 500 }, { x: 0, n: 500 }, options).p_value).toBeLessThan(1e-6);
		expect(compareProportions({ x: 10, n: 100 }, { x: 0, n: 0 }, options)).toMatchObject({ p_value: 1 });
	});

	it("gives each arm an interval around its own rate, inside [0, 1]", () => {
		const [lo, hi] = rateInterval({ x: 250, n: 5000 }, options);
		expect(lo).toBeLessThan(0.05);
		expect(hi).toBeGreaterThan(0.05);
		expect(rateInterval({ x: 0, n: 50 }, options)[0]).toBe(0);
		expect(rateInterval({ x: 0, n: 0 }, options)).toEqual([0, 1]);
	});

	it("computes the normal tail used by the z-test", () => {
		expect(normalTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
		expect(normalTwoSidedP(0)).toBe(1);
	});
});
