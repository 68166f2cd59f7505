import { describe, expect, it } from "vitest";
import { compileSegment } from "./compile";
import { compileCount, countQuery } from "./count";
import { evaluateSegment, type SegmentContact } from "./evaluate";
import { listRefs } from "./list-refs";
import { validateSegmentDefinition } from "./validate";

const ctx = { workspaceId: "ws_a", now: Date.UTC(2026, 0, 1) };
const contact: SegmentContact = {
	id: "ctc_1",
	email: "a@x.example",
	first_name: null,
	last_name: null,
	status: "subscribed",
	created_at: 0,
	timezone: null,
	locale: null,
	attributes: {},
};
const related = (lists: string[]) => ({ tags: [], lists, events: [], tracking: [], messages: [] });

describe("the static list rule {list}", () => {
	it("is a valid rule anywhere in the tree, and a bad one is named by its path", () => {
		expect(validateSegmentDefinition({ all: [{ list: "lst_1" }, { not: { list: "lst_2" } }] })).toEqual({
			ok: true,
			definition: { all: [{ list: "lst_1" }, { not: { list: "lst_2" } }] },
		});
		const bad = validateSegmentDefinition({ all: [{ list: "" }, { list: "lst_1", tag: "x" }, { list: 3 }] });
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(["all.0.list", "all.1", "all.2.list"]);
	});

	it("compiles to membership of that list, the id bound as a parameter (never SQL text)", () => {
		const id = "lst_'; DROP TABLE contacts; --";
		const compiled = compileSegment({ all: [{ list: id }] }, ctx);
		expect(compiled.where).toContain("contact_list_members");
		expect(compiled.where).not.toContain("DROP");
		expect(compiled.params).toEqual([id]);
	});

	it("counts a list alone from its memberships of this workspace only, and starts a compound count from it", () => {
		const alone = countQuery({ all: [{ list: "lst_1" }] }, ctx);
		expect(alone.sql).not.toContain("contacts c");
		expect(alone.params).toEqual(["lst_1", "ws_a"]);
		const compound = compileCount({ all: [{ attribute: "city", op: "eq", value: "Berlin" }, { list: "lst_1" }] }, ctx);
		expect(compound.members?.params).toEqual(["lst_1", "ws_a"]);
		expect(compound.membersOnly).toBe(false);
		expect(compound.rest.params).toEqual(['$."city"', "Berlin"]);
	});

	it("finds every list a tree names, with its path (to check they are the workspace's)", () => {
		const tree = { all: [{ tag: "vip" }, { any: [{ list: "lst_1" }, { not: { list: "lst_2" } }] }] };
		expect(listRefs(tree)).toEqual([
			{ path: "all.1.any.0", list: "lst_1" },
			{ path: "all.1.any.1.not", list: "lst_2" },
		]);
		expect(listRefs({ not: { list: "lst_3" } })).toEqual([{ path: "not", list: "lst_3" }]);
	});

	it("matches exactly the contacts on the list in the in-memory evaluator", () => {
		expect(evaluateSegment({ all: [{ list: "lst_1" }] }, contact, related(["lst_1"]), ctx.now)).toBe(true);
		expect(evaluateSegment({ all: [{ list: "lst_1" }] }, contact, related(["lst_2"]), ctx.now)).toBe(false);
		expect(evaluateSegment({ not: { list: "lst_1" } }, contact, related([]), ctx.now)).toBe(true);
	});
});
