import { describe, expect, it } from "vitest";
import { savedSearchParams } from "./saved-search";

describe("saved search parameters", () => {
	it("takes them as an object, a query string or beside the name, all the same", () => {
		const want = { params: { q: "sale", type: "campaign" } };
		expect(savedSearchParams({ query: { q: "sale", type: "campaign" } })).toEqual(want);
		expect(savedSearchParams({ query: "?q=sale&type=campaign" })).toEqual(want);
		expect(savedSearchParams({ q: "sale", type: "campaign" })).toEqual(want);
		expect(savedSearchParams({ query: { q: "sale" }, type: "campaign", within_days: 7 })).toEqual({
			params: { q: "sale", type: "campaign", within_days: "7" },
		});
	});

	it("names what is not a search parameter", () => {
		expect(savedSearchParams({ query: "q=sale&colour=red" })).toEqual({
			issues: [{ path: "query.colour", message: expect.stringContaining("Not a search parameter") }],
		});
	});
});
