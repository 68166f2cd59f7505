import { type AttributeRule, FIELD_NAME_PATTERN, type PropertyRule } from "../../contracts/segments";
import { type Fragment, q, raw, type SqlParam } from "./fragment";
import { parseIsoDate } from "./iso-date";

/*
 * The value side of the segment compiler (see compile.ts for its safety rules and semantics): a field's value read
 * from a column or a JSON document, compared with a rule's value as a 0/1 predicate, every user value bound.
 */

const ORDER_SQL = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
// Only text shaped like YYYY-MM-DD is read as a date: unixepoch() would also accept "now" or a bare number.
const DATE_SHAPE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'";

function jsonPath(name: string): string {
	// Validation already enforces this; re-checked because the name is spliced into a JSON path (still bound).
	if (!FIELD_NAME_PATTERN.test(name)) throw new Error(`Invalid field name ${JSON.stringify(name)}`);
	return `$."${name}"`;
}

/**
 * Operators that read the value once compare `json_extract` directly (the fast path: no
 * subquery per row). The others read it in a one-row subquery, so the path is bound once
 * however often `v` is used.
 */
export function customValue(json: Fragment, name: string, node: AttributeRule | PropertyRule): Fragment {
	if (node.op === "eq" || node.op === "neq" || node.op === "in") {
		return comparison(q`json_extract(${json}, ${jsonPath(name)})`, node);
	}
	return q`(SELECT ${comparison(raw("v"), node)} FROM (SELECT json_extract(${json}, ${jsonPath(name)}) AS v))`;
}

type Comparable = AttributeRule | PropertyRule;

export function lowerCased(node: AttributeRule): AttributeRule {
	const lower = (v: string | number | boolean) => (typeof v === "string" ? v.toLowerCase() : v);
	if (node.op === "eq" || node.op === "neq") return { ...node, value: lower(node.value) };
	if (node.op === "in") return { ...node, value: node.value.map(lower) };
	return node;
}

export function datesAsMs(node: AttributeRule): AttributeRule {
	const ms = <T>(v: T) => (typeof v === "string" ? (parseIsoDate(v) ?? v) : v);
	if (node.op === "in") return { ...node, value: node.value.map(ms) };
	if (node.op === "eq" || node.op === "neq") return { ...node, value: ms(node.value) };
	if (node.op === "gt" || node.op === "gte" || node.op === "lt" || node.op === "lte") {
		return { ...node, value: ms(node.value) };
	}
	return node;
}

const scalar = (v: string | number | boolean): SqlParam => (typeof v === "boolean" ? Number(v) : v);

/** A 0/1 predicate comparing the expression `v` (a column or a JSON value) with the rule's value. */
export function comparison(v: Fragment, node: Comparable): Fragment {
	switch (node.op) {
		case "eq":
			return q`${v} IS ${scalar(node.value)}`;
		case "neq":
			return q`${v} IS NOT ${scalar(node.value)}`;
		case "in":
			return q`coalesce(${v} IN (SELECT value FROM json_each(${JSON.stringify(node.value)})), 0)`;
		case "contains":
			return q`(typeof(${v}) = 'text' AND instr(lower(${v}), lower(${node.value})) > 0)`;
		case "starts_with":
			return q`(typeof(${v}) = 'text' AND instr(lower(${v}), lower(${node.value})) = 1)`;
		case "exists":
			return q`(${v} IS NOT NULL AND ${v} <> '')`;
		case "not_exists":
			return q`(${v} IS NULL OR ${v} = '')`;
		default: {
			const op = raw(ORDER_SQL[node.op]);
			if (typeof node.value === "number") return q`(typeof(${v}) IN ('integer', 'real') AND ${v} ${op} ${node.value})`;
			const ms = parseIsoDate(node.value);
			if (ms === null) throw new Error(`"${node.op}" needs a number or an ISO date`);
			const instant = q`round(unixepoch(${v}, 'subsec') * 1000)`;
			return q`coalesce(typeof(${v}) = 'text' AND ${v} GLOB ${raw(DATE_SHAPE)} AND ${instant} ${op} ${ms}, 0)`;
		}
	}
}
