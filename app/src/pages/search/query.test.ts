import { describe, expect, it } from "vitest";
import { describeQuery, facetEntries, groupHits, hasCriteria, hitHref, queryFromParams, searchHref } from "./query";

describe("the search in the URL", () => {
	it("reads the filters from the address, drops unknown types and blanks, and writes them back", () => {
		const query = queryFromParams({ q: " spring ", type: "campaign", status: "", tag: "vip" });
		expect(query).toEqual({ q: "spring", type: "campaign", status: undefined, tag: "vip" });
		expect(searchHref(query)).toBe("/search?q=spring&type=campaign&tag=vip");
		expect(queryFromParams({ type: "invoice" }).type).toBeUndefined();
		expect(queryFromParams({ within_days: "7" }).within_days).toBe("7");
		expect(queryFromParams({ within_days: "soon" }).within_days).toBeUndefined();
		expect(hasCriteria(queryFromParams({ q: "  " }))).toBe(false);
		expect(searchHref({})).toBe("/search");
	});

	it("orders facet values by count, leaves zeros out, and links each hit to its page", () => {
		expect(facetEntries({ draft: 2, completed: 5, sending: 0, archived: 2 })).toEqual([
			{ value: "completed", count: 5 },
			{ value: "archived", count: 2 },
			{ value: "draft", count: 2 },
		]);
		expect(hitHref({ type: "segment", id: "seg_1" })).toBe("/segments/seg_1");
		expect(hitHref({ type: "contact", id: "ct 1" })).toBe("/contacts/ct%201");
	});

	it("groups hits by type in a fixed order and describes a saved search in words", () => {
		const hit = (type: "campaign" | "contact", id: string) => ({ type, id, name: id, status: null, snippet: "" });
		const groups = groupHits([hit("contact", "c1"), hit("campaign", "k1"), hit("contact", "c2")]);
		expect(groups.map((g) => [g.plural, g.hits.map((h) => h.id)])).toEqual([
			["Campaigns", ["k1"]],
			["Contacts", ["c1", "c2"]],
		]);
		expect(describeQuery({ q: "sale", type: "campaign", tag: "spring" })).toBe("“sale” · type: campaign · tag: spring");
		expect(describeQuery({ type: "contact", within_days: "7" })).toBe("type: contact · changed in 7 days");
		expect(describeQuery({})).toBe("everything");
	});
});
