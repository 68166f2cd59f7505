import { CONTACT_STATUSES } from "../../contracts/contacts";
import { COMPARISON_OPS, MAX_IN_VALUES } from "../../contracts/segments";
import { parseIsoDate } from "./iso-date";
import { at, describe, list, type Report, show } from "./issues";

/*
 * The `op` and `value` of an attribute or property rule, checked together against the field they compare:
 * built-in columns refuse operators that make no sense for them and values of the wrong kind.
 */

type Scalar = string | number | boolean;
export type Comparison = { op: (typeof COMPARISON_OPS)[number]; value?: Scalar | Scalar[] };

const TEXT_BUILTINS = ["email", "first_name", "last_name", "timezone", "locale"];
const MAX_TEXT = 1000;

const isScalar = (v: unknown): v is Scalar =>
	(typeof v === "string" && v.length <= MAX_TEXT) ||
	typeof v === "boolean" ||
	(typeof v === "number" && Number.isFinite(v));

/** Checks `op` and `value` of the rule at `path`; `field` is the built-in attribute name when it is one. */
export function checkComparison(
	input: Record<string, unknown>,
	path: string,
	field: string,
	issue: Report,
): Comparison | undefined {
	const opPath = at(path, "op");
	const valuePath = at(path, "value");
	const op = COMPARISON_OPS.find((o) => o === input.op);
	if (!op) {
		issue(opPath, `Unknown operator ${show(input.op)}; use one of ${list(COMPARISON_OPS)}`);
		return undefined;
	}
	const refusal = fieldRefusal(field, op);
	if (refusal) {
		issue(opPath, refusal);
		return undefined;
	}
	const value = input.value;
	if (op === "exists" || op === "not_exists") {
		if (value !== undefined) issue(valuePath, `"${op}" takes no value`);
		return value === undefined ? { op } : undefined;
	}
	if (value === undefined) {
		issue(valuePath, `"${op}" needs a value`);
		return undefined;
	}
	if (op === "in") return inList(value, valuePath, field, issue);
	const problem = valueProblem(field, op, value);
	if (problem) {
		issue(valuePath, problem);
		return undefined;
	}
	return { op, value: value as Scalar };
}

function inList(value: unknown, valuePath: string, field: string, issue: Report): Comparison | undefined {
	if (!Array.isArray(value) || value.length === 0) {
		issue(valuePath, `"in" needs a non-empty list, got ${describe(value)}`);
		return undefined;
	}
	if (value.length > MAX_IN_VALUES) {
		issue(valuePath, `"in" takes at most ${MAX_IN_VALUES} values, got ${value.length}`);
		return undefined;
	}
	let valid = true;
	value.forEach((item, i) => {
		const problem = valueProblem(field, "in", item);
		if (problem) {
			issue(at(valuePath, i), problem);
			valid = false;
		}
	});
	return valid ? { op: "in", value: value as Scalar[] } : undefined;
}

/** Operators that make no sense for a built-in column. */
function fieldRefusal(field: string, op: Comparison["op"]): string | undefined {
	if (field === "status" && !["eq", "neq", "in"].includes(op))
		return `"${op}" does not apply to "status"; use eq, neq or in`;
	if (field === "created_at" && (op === "contains" || op === "starts_with")) {
		return `"${op}" does not apply to the date "created_at"; use eq, neq, in, gt, gte, lt or lte`;
	}
	if (TEXT_BUILTINS.includes(field) && ["gt", "gte", "lt", "lte"].includes(op)) {
		return `"${op}" does not apply to the text attribute "${field}"; use eq, neq, in, contains, starts_with, exists or not_exists`;
	}
	return undefined;
}

/** Why `value` cannot be compared with `op` on `field`, if it cannot. */
function valueProblem(field: string, op: Comparison["op"], value: unknown): string | undefined {
	if (op === "contains" || op === "starts_with") {
		return typeof value === "string" && value.length > 0 && value.length <= MAX_TEXT
			? undefined
			: `"${op}" needs a non-empty text of at most ${MAX_TEXT} characters, got ${describe(value)}`;
	}
	if (op === "gt" || op === "gte" || op === "lt" || op === "lte" || field === "created_at") {
		if (typeof value === "number" && Number.isFinite(value)) return undefined;
		if (typeof value === "string" && parseIsoDate(value) !== null) return undefined;
		const what = field === "created_at" ? `"created_at" is a date, so "${op}"` : `"${op}"`;
		return `${what} needs a number or an ISO date (2024-05-01, 2024-05-01T10:00:00Z), got ${show(value)}`;
	}
	if (field === "status") {
		return CONTACT_STATUSES.some((s) => s === value)
			? undefined
			: `Unknown status ${show(value)}; use one of ${list(CONTACT_STATUSES)}`;
	}
	if (TEXT_BUILTINS.includes(field)) {
		return typeof value === "string" && value.length <= MAX_TEXT
			? undefined
			: `"${field}" is text; compare it with a text of at most ${MAX_TEXT} characters, got ${describe(value)}`;
	}
	return isScalar(value)
		? undefined
		: `"${op}" needs a text (up to ${MAX_TEXT} characters), number or boolean, got ${describe(value)}`;
}
