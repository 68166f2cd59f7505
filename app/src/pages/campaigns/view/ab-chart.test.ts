import { describe, expect, it } from "vitest";
import { armShapes, rateTop } from "./ab-chart";

const box = { width: 120, height: 120, left: 10, right: 10, top: 10, bottom: 10 };
const series = [
	{
		at: "2026-05-01T10:01:00Z",
		arms: [
			{ variant_id: "a", rate: 0.1, interval: [0, 0.5] },
			{ variant_id: "b", rate: 0.2, interval: [0.1, 0.3] },
		],
	},
	{
		at: "2026-05-01T10:02:00Z",
		arms: [
			{ variant_id: "a", rate: 0.1, interval: [0.05, 0.15] },
			{ variant_id: "b", rate: 0.25, interval: [0.2, 0.3] },
		],
	},
];

describe("the A/B chart", () => {
	it("scales to the widest band and draws each arm's line inside its band, left to right", () => {
		expect(rateTop(series)).toBe(0.5);
		const { arms } = armShapes(series, box);
		expect(arms.map((a) => a.variantId)).toEqual(["a", "b"]);
		// a: rate 10% of a 50% axis over a 100 px plot → 80 px down from the top edge + 10 px padding = y 90.
		expect(arms[0]?.line).toBe("10.0,90.0 110.0,90.0");
		// The band: the upper edge left to right, then the lower edge back.
		expect(arms[0]?.band).toBe("10.0,10.0 110.0,80.0 110.0,100.0 10.0,110.0");
		expect(arms[0]?.colour).not.toBe(arms[1]?.colour);
	});
});
