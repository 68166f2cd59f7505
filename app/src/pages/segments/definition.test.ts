import { describe, expect, it } from "vitest";
import { fromDefinition, toDefinition } from "./definition";
import { pinIssues } from "./issues";

const definition = {
	all: [
		{ attribute: "plan", op: "in", value: ["pro", 42, "7"] },
		{ not: { tag: "vip" } },
		{ list: "lst_webinar" },
		{
			any: [
				{
					event: "purchase",
					count: { op: "gte", value: 2 },
					within_days: 30,
					where: [{ property: "total", op: "gt", value: 100 }],
				},
				{ engagement: "clicked", within_days: 7 },
			],
		},
	],
};

describe("the segment builder's tree and the API's rule JSON", () => {
	it("reads a definition into the builder and writes back the same definition, typed values kept", () => {
		const tree = fromDefinition(definition);
		expect(toDefinition(tree).definition).toEqual(definition);
		const plan = tree.children[0];
		// A quoted "7" stays text; 42 stays a number.
		expect(plan?.kind === "rule" && plan.value).toBe('pro, 42, "7"');
	});

	it("keeps a rule it cannot show as a form exactly as it was", () => {
		const odd = { all: [{ attribute: "plan", op: "eq", value: "pro", unknown_key: 1 }] };
		const tree = fromDefinition(odd);
		expect(tree.children[0]?.kind).toBe("raw");
		expect(toDefinition(tree).definition).toEqual(odd);
	});

	it("pins the API's error to the rule it is about, and the rest to the root", () => {
		const tree = fromDefinition(definition);
		const { index } = toDefinition(tree);
		const group = tree.children[3];
		const event = group?.kind === "group" ? group.children[0] : undefined;
		const pinned = pinIssues(
			[
				{ path: "definition.all.3.any.0.where.0.value", message: "must be a number" },
				{ path: "definition", message: "too deep" },
				{ path: "name", message: "required" },
			],
			index,
			tree.id,
		);
		expect(pinned).toEqual([
			{ nodeId: event?.id, field: "where.0.value", message: "must be a number" },
			{ nodeId: tree.id, field: "", message: "too deep" },
		]);
	});
});
