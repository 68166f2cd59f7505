import { describe, expect, it } from "vitest";
import { BULK_MENU, failedIds, listParams, parseTags, summarize, toggleAll, toggleOne } from "./bulk-logic";

describe("bulk selection and results", () => {
	it("selects the whole page, then clears it, keeping rows selected on other pages", () => {
		const elsewhere = new Set(["x"]);
		const all = toggleAll(elsewhere, ["a", "b"]);
		expect([...all].sort()).toEqual(["a", "b", "x"]);
		expect([...toggleAll(all, ["a", "b"])]).toEqual(["x"]);
		// A page partly selected is completed, not cleared.
		expect([...toggleAll(new Set(["a"]), ["a", "b"])].sort()).toEqual(["a", "b"]);
		expect([...toggleOne(new Set(["a"]), "a")]).toEqual([]);
	});

	it("reads tags once each from a comma list and sums up each item's result", () => {
		expect(parseTags(" spring, vip ,,spring")).toEqual(["spring", "vip"]);
		const results = [
			{ id: "1", ok: true },
			{ id: "2", ok: false, error: { code: "conflict", message: "A sending campaign cannot be archived" } },
			{ id: "3", ok: true },
		];
		expect(summarize(results, "archived")).toBe("2 archived, 1 failed");
		expect(summarize(results.slice(0, 1), "archived")).toBe("1 archived");
		expect(summarize(results.slice(1, 2), "archived")).toBe("None archived: 1 failed");
		expect([...failedIds(results)]).toEqual(["2"]);
	});

	it("offers each list the actions the API takes, and asks for tags or a list where the action needs them", () => {
		expect(BULK_MENU.campaigns.map((a) => a.action)).toEqual(["pause", "resume", "cancel", "archive", "tag", "delete"]);
		expect(BULK_MENU.contacts.filter((a) => a.tags).map((a) => a.label)).toEqual(["Tag…", "Untag…"]);
		expect(BULK_MENU.contacts.filter((a) => a.list).map((a) => a.action)).toEqual(["add_to_list", "remove_from_list"]);
		expect(listParams({ listId: "lst_1", name: "ignored" })).toEqual({ list_id: "lst_1" });
		expect(listParams({ listId: "", name: " Webinar " })).toEqual({ list_name: "Webinar" });
		expect(listParams({ listId: "", name: " " })).toBeUndefined();
		expect(BULK_MENU.templates.find((a) => a.action === "delete")?.danger).toBe(true);
	});
});
