import { describe, expect, it } from "vitest";
import { facetsOf } from "./facets";

const rows = [
	{
		type: "campaign",
		counts: [
			{ status: "draft", n: 2 },
			{ status: "completed", n: 1 },
		],
	},
	{ type: "segment", counts: [{ status: null, n: 4 }] },
	{ type: "journey", counts: [{ status: "draft", n: 1 }] },
	{ type: "contact", counts: [] },
];

describe("search facets", () => {
	it("counts every type and status when nothing is chosen", () => {
		expect(facetsOf(rows, {})).toEqual({
			type: { campaign: 3, segment: 4, journey: 1, contact: 0 },
			status: { draft: 3, completed: 1 },
		});
	});

	it("counts types under the chosen status and statuses under the chosen type", () => {
		expect(facetsOf(rows, { type: "campaign", status: "draft" })).toEqual({
			type: { campaign: 2, segment: 0, journey: 1, contact: 0 },
			status: { draft: 2, completed: 1 },
		});
	});
});
