/**
 * The segment builder edits this tree, not the API's rule JSON directly: every node has a stable id
 * (for keyed rendering and for pinning API errors to it) and values are kept as the text the user typed.
 * `toDefinition` (definition.ts) turns it into the API's rule tree and records where each node landed in it.
 */

export const ATTRIBUTE_OPS = [
	{ value: "eq", label: "is" },
	{ value: "neq", label: "is not" },
	{ value: "in", label: "is one of" },
	{ value: "contains", label: "contains" },
	{ value: "starts_with", label: "starts with" },
	{ value: "gt", label: ">" },
	{ value: "gte", label: "≥" },
	{ value: "lt", label: "<" },
	{ value: "lte", label: "≤" },
	{ value: "exists", label: "is set" },
	{ value: "not_exists", label: "is not set" },
] as const;
export type ComparisonOp = (typeof ATTRIBUTE_OPS)[number]["value"];

export const COUNT_OPS = [
	{ value: "gte", label: "at least" },
	{ value: "gt", label: "more than" },
	{ value: "eq", label: "exactly" },
	{ value: "neq", label: "not exactly" },
	{ value: "lte", label: "at most" },
	{ value: "lt", label: "fewer than" },
] as const;
export type CountOp = (typeof COUNT_OPS)[number]["value"];

export const ENGAGEMENTS = [
	{ value: "opened", label: "opened an email" },
	{ value: "clicked", label: "clicked a link" },
	{ value: "received", label: "received an email" },
	{ value: "bounced", label: "bounced" },
	{ value: "unsubscribed", label: "unsubscribed" },
] as const;
export type Engagement = (typeof ENGAGEMENTS)[number]["value"];

export const BUILTIN_ATTRIBUTES = ["email", "first_name", "last_name", "status", "created_at", "timezone", "locale"];

export const RULE_TYPES = [
	{ value: "attribute", label: "Attribute" },
	{ value: "tag", label: "Tag" },
	{ value: "list", label: "List" },
	{ value: "event", label: "Event" },
	{ value: "engagement", label: "Engagement" },
] as const;
export type RuleType = (typeof RULE_TYPES)[number]["value"];

export type WhereRow = { id: string; property: string; op: ComparisonOp; value: string };

export type RuleNode = {
	kind: "rule";
	id: string;
	negated: boolean;
	type: RuleType;
	attribute: string;
	op: ComparisonOp;
	value: string;
	tag: string;
	/** A static list's id. */
	listId: string;
	event: string;
	countOp: CountOp;
	countValue: string;
	withinDays: string;
	where: WhereRow[];
	engagement: Engagement;
	campaignId: string;
};

export type GroupNode = { kind: "group"; id: string; negated: boolean; match: "all" | "any"; children: TreeNode[] };

/** A rule the builder cannot show as a form (e.g. unknown keys typed in the JSON view); kept as it is. */
export type RawNode = { kind: "raw"; id: string; json: unknown };

export type TreeNode = RuleNode | GroupNode | RawNode;

let counter = 0;
export const nodeId = () => `n${++counter}`;

export function newRule(type: RuleType = "attribute"): RuleNode {
	return {
		kind: "rule",
		id: nodeId(),
		negated: false,
		type,
		attribute: "",
		op: "eq",
		value: "",
		tag: "",
		listId: "",
		event: "",
		countOp: "gte",
		countValue: "1",
		withinDays: "",
		where: [],
		engagement: "opened",
		campaignId: "",
	};
}

export const newGroup = (match: "all" | "any" = "all", children: TreeNode[] = []): GroupNode => ({
	kind: "group",
	id: nodeId(),
	negated: false,
	match,
	children,
});

export const newWhere = (): WhereRow => ({ id: nodeId(), property: "", op: "eq", value: "" });

// ---- editing ------------------------------------------------------------------------------------------------

/** The node with `id` and the group holding it (none for the root). */
export function findNode(
	root: GroupNode,
	id: string,
	parent?: GroupNode,
): { node: TreeNode; parent?: GroupNode } | undefined {
	if (root.id === id) return { node: root, parent };
	for (const child of root.children) {
		if (child.id === id) return { node: child, parent: root };
		if (child.kind === "group") {
			const found = findNode(child, id, root);
			if (found) return found;
		}
	}
	return undefined;
}
