import type { SegmentDefinition } from "../../../../worker/contracts/segments";
import {
	ATTRIBUTE_OPS,
	COUNT_OPS,
	type ComparisonOp,
	type CountOp,
	ENGAGEMENTS,
	type Engagement,
	type GroupNode,
	newGroup,
	newRule,
	nodeId,
	type RawNode,
	type RuleNode,
	type TreeNode,
	type WhereRow,
} from "./model";
import { comparisonValue, listText, valueTextFor, wholeNumber } from "./values";

/* The builder's tree ⇄ the API's rule JSON. */

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
		case "list":
			return { list: node.listId.trim() };
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
	if ("list" in json) return has(json, ["list"]) ? { ...rule, type: "list", listId: text(json.list) } : raw;
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

/** The builder's tree for a definition; the root is a group (a bare rule is wrapped in one). */
export function fromDefinition(definition: unknown): GroupNode {
	const node = fromRule(definition);
	return node.kind === "group" ? node : newGroup("all", [node]);
}
