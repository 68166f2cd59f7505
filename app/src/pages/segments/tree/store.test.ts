import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { newGroup, newRule, type TreeNode } from "../model";
import { createRuleTree } from "./store";

/** Runs `body` inside a reactive root (the store's memo needs an owner) and disposes it after. */
const inRoot = (body: () => void) =>
	createRoot((dispose) => {
		try {
			body();
		} finally {
			dispose();
		}
	});

const asGroup = (change: (children: TreeNode[]) => void) => (node: TreeNode) => {
	if (node.kind === "group") change(node.children);
};

describe("the segment builder's rule tree", () => {
	it("turns added, nested, negated and removed rules into the definition the API receives", () =>
		inRoot(() => {
			const plan = newRule();
			const tree = createRuleTree(newGroup("all", [plan]));
			tree.edit(plan.id, (node) => {
				if (node.kind !== "rule") return;
				node.attribute = "plan";
				node.value = "pro";
			});
			expect(tree.built().definition).toEqual({ all: [{ attribute: "plan", op: "eq", value: "pro" }] });

			// A nested "any" group: tagged vip, or bought at least twice in 30 days.
			const vip = { ...newRule("tag"), tag: "vip" };
			const buyer = { ...newRule("event"), event: "purchase", countValue: "2", withinDays: "30" };
			const group = newGroup("any", [vip, buyer]);
			tree.edit(
				tree.root().id,
				asGroup((children) => children.push(group)),
			);
			expect(tree.built().definition).toEqual({
				all: [
					{ attribute: "plan", op: "eq", value: "pro" },
					{ any: [{ tag: "vip" }, { event: "purchase", count: { op: "gte", value: 2 }, within_days: 30 }] },
				],
			});

			tree.edit(group.id, (node) => {
				if (node.kind !== "raw") node.negated = true;
			});
			tree.remove(plan.id);
			const { definition, index } = tree.built();
			expect(definition).toEqual({
				all: [
					{ not: { any: [{ tag: "vip" }, { event: "purchase", count: { op: "gte", value: 2 }, within_days: 30 }] } },
				],
			});
			// Each node knows where it went, so the API's issue paths can be pinned back onto it.
			expect(index.get(group.id)).toBe("all.0.not");
			expect(index.get(buyer.id)).toBe("all.0.not.any.1");
		}));

	it("never removes the root, and removing a group removes its rules with it", () =>
		inRoot(() => {
			const inner = newRule("tag");
			const group = newGroup("any", [inner]);
			const tree = createRuleTree(newGroup("all", [group]));
			tree.remove(tree.root().id);
			expect(tree.root().children).toHaveLength(1);
			tree.remove(group.id);
			expect(tree.built().definition).toEqual({ all: [] });
			expect(tree.built().index.has(inner.id)).toBe(false);
		}));

	it("tells the builder about every edit (so a half-typed JSON draft is dropped)", () =>
		inRoot(() => {
			let changes = 0;
			const rule = newRule();
			const tree = createRuleTree(newGroup("all", [rule]), () => changes++);
			tree.edit(rule.id, (node) => {
				if (node.kind === "rule") node.attribute = "country";
			});
			tree.remove(rule.id);
			expect(changes).toBe(2);
		}));
});
