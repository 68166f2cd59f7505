import type { SegmentDefinition } from "../../../../worker/contracts/segments";

/**
 * The segment builder edits this tree, not the API's rule JSON directly: every node has a stable id
 * (for keyed rendering and for pinning API errors to it) and values are kept as the text the user typed.
 * `toDefinition` turns it into the API's rule tree and records where each node landed in it.
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

// ---- values -------------------------------------------------------------------------------------------------

const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/**
 * The typed value of what the user wrote, as the CSV import types cells: `42` and `3.5` are numbers,
 * `true`/`false` booleans, anything else text. Quotes force text: `"42"`.
 */
export function typedValue(text: string): string | number | boolean {
	const t = text.trim();
	if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
	if (NUMBER.test(t)) return Number(t);
	if (t === "true") return true;
	if (t === "false") return false;
	return t;
}

/** The text that `typedValue` reads back as `value`. */
export function valueText(value: unknown): string {
	if (typeof value === "string")
		return NUMBER.test(value) || value === "true" || value === "false" ? `"${value}"` : value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return value === undefined || value === null ? "" : JSON.stringify(value);
}

const listText = (value: unknown) => (Array.isArray(value) ? value.map(valueText).join(", ") : valueText(value));

/** A whole number as a number; anything else as typed (the API explains what is wrong with it). */
const wholeNumber = (text: string): number | string => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text);

function comparisonValue(op: ComparisonOp, text: string): unknown {
	if (op === "exists" || op === "not_exists") return undefined;
	if (op === "in")
		return text
			.split(",")
			.map((part) => part.trim())
			.filter((part) => part !== "")
			.map(typedValue);
	if (op === "contains" || op === "starts_with") {
		const t = text.trim();
		return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
	}
	return typedValue(text);
}

// ---- tree → definition --------------------------------------------------------------------------------------

/** Where each node's own rule sits in the definition (dotted path, "" for the root), by node id. */
export type PathIndex = Map<string, string>;

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function ruleJson(node: RuleNode): Record<string, unknown> {
	switch (node.type) {
		case "attribute": {
			const value = comparisonValue(node.op, node.value);
			return value === undefined
				? { attribute: node.attribute.trim(), op: node.op }
				: { attribute: node.attribute.trim(), op: node.op, value };
		}
		case "tag":
			return { tag: node.tag.trim() };
		case "event": {
			const rule: Record<string, unknown> = {
				event: node.event.trim(),
				count: { op: node.countOp, value: wholeNumber(node.countValue) },
			};
			if (node.withinDays.trim() !== "") rule.within_days = wholeNumber(node.withinDays);
			if (node.where.length > 0)
				rule.where = node.where.map((w) => {
					const value = comparisonValue(w.op, w.value);
					return value === undefined
						? { property: w.property.trim(), op: w.op }
						: { property: w.property.trim(), op: w.op, value };
				});
			return rule;
		}
		case "engagement": {
			const rule: Record<string, unknown> = { engagement: node.engagement };
			if (node.campaignId.trim() !== "") rule.campaign_id = node.campaignId.trim();
			if (node.withinDays.trim() !== "") rule.within_days = wholeNumber(node.withinDays);
			return rule;
		}
	}
}

function nodeJson(node: TreeNode, path: string, index: PathIndex): unknown {
	if (node.kind === "raw") {
		index.set(node.id, path);
		return node.json;
	}
	const inner = node.negated ? join(path, "not") : path;
	index.set(node.id, inner);
	const json =
		node.kind === "group"
			? { [node.match]: node.children.map((child, i) => nodeJson(child, join(join(inner, node.match), i), index)) }
			: ruleJson(node);
	return node.negated ? { not: json } : json;
}

/** The API's rule tree for the builder's tree (the root is always a group), and where each node went. */
export function toDefinition(root: GroupNode): { definition: SegmentDefinition; index: PathIndex } {
	const index: PathIndex = new Map();
	// Unvalidated on purpose: the API checks it and answers with paths into it.
	const definition = nodeJson(root, "", index) as SegmentDefinition;
	return { definition, index };
}

// ---- definition → tree --------------------------------------------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const has = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
const isOp = (op: unknown): op is ComparisonOp => ATTRIBUTE_OPS.some((o) => o.value === op);
const isCountOp = (op: unknown): op is CountOp => COUNT_OPS.some((o) => o.value === op);
const isEngagement = (e: unknown): e is Engagement => ENGAGEMENTS.some((o) => o.value === e);

function fromRule(json: unknown): TreeNode {
	const raw: RawNode = { kind: "raw", id: nodeId(), json };
	if (!isObject(json)) return raw;
	if ("not" in json && has(json, ["not"])) {
		const inner = fromRule(json.not);
		if (inner.kind === "raw") return raw;
		if (inner.negated) return { ...newGroup("all", [inner]), negated: true };
		return { ...inner, negated: true };
	}
	for (const match of ["all", "any"] as const) {
		if (match in json) {
			const children = json[match];
			if (!has(json, [match]) || !Array.isArray(children)) return raw;
			return newGroup(match, children.map(fromRule));
		}
	}
	const rule = newRule();
	if ("attribute" in json) {
		if (!has(json, ["attribute", "op", "value"]) || !isOp(json.op)) return raw;
		return {
			...rule,
			type: "attribute",
			attribute: text(json.attribute),
			op: json.op,
			value:
				json.op === "in" ? listText(json.value) : json.value === undefined ? "" : valueTextFor(json.op, json.value),
		};
	}
	if ("tag" in json) return has(json, ["tag"]) ? { ...rule, type: "tag", tag: text(json.tag) } : raw;
	if ("event" in json) {
		if (!has(json, ["event", "count", "within_days", "where"]) || !isObject(json.count)) return raw;
		if (!isCountOp(json.count.op) || (json.where !== undefined && !Array.isArray(json.where))) return raw;
		const where: WhereRow[] = [];
		for (const w of (json.where as unknown[] | undefined) ?? []) {
			if (!isObject(w) || !has(w, ["property", "op", "value"]) || !isOp(w.op)) return raw;
			where.push({
				id: nodeId(),
				property: text(w.property),
				op: w.op,
				value: w.op === "in" ? listText(w.value) : w.value === undefined ? "" : valueTextFor(w.op, w.value),
			});
		}
		return {
			...rule,
			type: "event",
			event: text(json.event),
			countOp: json.count.op,
			countValue: text(json.count.value),
			withinDays: text(json.within_days),
			where,
		};
	}
	if ("engagement" in json) {
		if (!has(json, ["engagement", "campaign_id", "within_days"]) || !isEngagement(json.engagement)) return raw;
		return {
			...rule,
			type: "engagement",
			engagement: json.engagement,
			campaignId: text(json.campaign_id),
			withinDays: text(json.within_days),
		};
	}
	return raw;
}

/** contains/starts_with always compare text, so their values need no quotes. */
const valueTextFor = (op: ComparisonOp, value: unknown) =>
	(op === "contains" || op === "starts_with") && typeof value === "string" ? value : valueText(value);

/** The builder's tree for a definition; the root is a group (a bare rule is wrapped in one). */
export function fromDefinition(definition: unknown): GroupNode {
	const node = fromRule(definition);
	return node.kind === "group" ? node : newGroup("all", [node]);
}

// ---- API errors → nodes -------------------------------------------------------------------------------------

/** An API issue pinned to the node it concerns, with the rest of its path (e.g. "op", "where.0.value"). */
export type PinnedIssue = { nodeId: string; field: string; message: string };

/**
 * Maps issues like `definition.all.1.op` to the deepest node whose path is a prefix.
 * Issues the tree cannot place are pinned to the root.
 */
export function pinIssues(
	issues: { path: string; message: string }[],
	index: PathIndex,
	rootId: string,
): PinnedIssue[] {
	return issues.flatMap((issue) => {
		if (issue.path !== "definition" && !issue.path.startsWith("definition.")) return [];
		const path = issue.path.slice("definition".length + 1);
		let best: { id: string; path: string } = { id: rootId, path: "" };
		for (const [id, nodePath] of index) {
			const inside = nodePath === "" || path === nodePath || path.startsWith(`${nodePath}.`);
			if (inside && nodePath.length >= best.path.length) best = { id, path: nodePath };
		}
		const field = best.path === "" ? path : path.slice(best.path.length + 1);
		return [{ nodeId: best.id, field, message: issue.message }];
	});
}

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
