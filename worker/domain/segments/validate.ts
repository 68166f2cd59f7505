import { jsonBytes, MAX_SEGMENT_DEFINITION_BYTES, sizeText } from "../../contracts/limits";
import {
	type AttributeRule,
	BUILTIN_FIELDS,
	ENGAGEMENTS,
	type EngagementRule,
	type EventRule,
	FIELD_NAME_PATTERN,
	type ListRule,
	MAX_DEPTH,
	MAX_RULES,
	type PropertyRule,
	type SegmentDefinition,
	type SegmentRule,
	type TagRule,
} from "../../contracts/segments";
import { checkComparison } from "./comparison";
import { at, describe, isObject, list, type Report, type SegmentIssue, show } from "./issues";

export type { SegmentIssue };
export type SegmentValidation = { ok: true; definition: SegmentDefinition } | { ok: false; issues: SegmentIssue[] };

const RULE_KEYS = ["all", "any", "not", "attribute", "tag", "list", "event", "engagement"] as const;
const COUNT_OPS = ["eq", "neq", "gt", "gte", "lt", "lte"] as const;
const MAX_WHERE = 20;

const isWholeIn = (v: unknown, min: number, max: number): v is number =>
	typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/**
 * Checks an untrusted segment definition and explains every problem with a dotted path relative to the definition
 * (the root is ""), e.g. `all.1.op: Unknown operator "equals"; use one of eq, neq, ...`.
 */
export function validateSegmentDefinition(input: unknown): SegmentValidation {
	const bytes = jsonBytes(input);
	if (bytes > MAX_SEGMENT_DEFINITION_BYTES) {
		const message = `The definition is ${sizeText(bytes)}; a segment takes at most ${sizeText(MAX_SEGMENT_DEFINITION_BYTES)} as JSON`;
		return { ok: false, issues: [{ path: "", message }] };
	}
	const walker = new Walker();
	const definition = walker.root(input);
	if (walker.rules > MAX_RULES) {
		walker.issue(
			"",
			`Too many rules (${walker.rules}); a segment has at most ${MAX_RULES}, counting nested and where rules`,
		);
	}
	if (walker.issues.length > 0 || !definition) return { ok: false, issues: walker.issues };
	return { ok: true, definition };
}

class Walker {
	readonly issues: SegmentIssue[] = [];
	rules = 0;

	issue(path: string, message: string) {
		this.issues.push({ path, message });
	}

	private readonly report: Report = (path, message) => this.issue(path, message);

	root(input: unknown): SegmentDefinition | undefined {
		if (isObject(input) && !("all" in input || "any" in input || "not" in input) && this.kinds(input).length > 0) {
			this.issue("", 'The root must be a group: {"all": [...]}, {"any": [...]} or {"not": rule}');
			return undefined;
		}
		const rule = this.rule(input, "", 1);
		return rule && ("all" in rule || "any" in rule || "not" in rule) ? rule : undefined;
	}

	private kinds(input: Record<string, unknown>) {
		return RULE_KEYS.filter((key) => key in input);
	}

	/** Extra keys are named so a typo ("valu") is not silently ignored. */
	private onlyKeys(input: Record<string, unknown>, path: string, allowed: readonly string[], what: string) {
		for (const key of Object.keys(input)) {
			if (!allowed.includes(key))
				this.issue(at(path, key), `Unknown key "${key}" in ${what}; allowed: ${list(allowed)}`);
		}
	}

	rule(input: unknown, path: string, depth: number): SegmentRule | undefined {
		if (!isObject(input)) {
			this.issue(path, `Expected a rule object, got ${describe(input)}`);
			return undefined;
		}
		const kinds = this.kinds(input);
		if (kinds.length === 0) {
			const found = Object.keys(input).length ? ` (found ${list(Object.keys(input).map((k) => `"${k}"`))})` : "";
			this.issue(path, `Unknown rule; a rule has one of ${list(RULE_KEYS)}${found}`);
			return undefined;
		}
		if (kinds.length > 1) {
			this.issue(path, `A rule has exactly one of ${list(RULE_KEYS)}; found ${list(kinds)}`);
			return undefined;
		}
		const kind = kinds[0];
		if (kind === "all" || kind === "any" || kind === "not") return this.group(input, kind, path, depth);
		if (kind === "attribute") return this.attribute(input, path);
		if (kind === "tag") return this.tag(input, path);
		if (kind === "list") return this.list(input, path);
		if (kind === "event") return this.event(input, path);
		return this.engagement(input, path);
	}

	private group(
		input: Record<string, unknown>,
		kind: "all" | "any" | "not",
		path: string,
		depth: number,
	): SegmentRule | undefined {
		this.onlyKeys(input, path, [kind], `a "${kind}" group`);
		if (depth > MAX_DEPTH) {
			this.issue(path, `Groups are nested too deeply; at most ${MAX_DEPTH} levels of all/any/not`);
			return undefined;
		}
		const childPath = at(path, kind);
		if (kind === "not") {
			this.rules++;
			const child = this.rule(input.not, childPath, depth + 1);
			return child && { not: child };
		}
		const items = input[kind];
		if (!Array.isArray(items)) {
			this.issue(childPath, `"${kind}" needs a list of rules, got ${describe(items)}`);
			return undefined;
		}
		this.rules += items.length;
		const children = items.map((item, i) => this.rule(item, at(childPath, i), depth + 1));
		const valid = children.filter((child): child is SegmentRule => child !== undefined);
		if (valid.length !== children.length) return undefined;
		return kind === "all" ? { all: valid } : { any: valid };
	}

	private tag(input: Record<string, unknown>, path: string): TagRule | undefined {
		this.onlyKeys(input, path, ["tag"], "a tag rule");
		if (typeof input.tag !== "string" || input.tag.length < 1 || input.tag.length > 100) {
			this.issue(at(path, "tag"), "A tag is a non-empty text of at most 100 characters");
			return undefined;
		}
		return { tag: input.tag };
	}

	private list(input: Record<string, unknown>, path: string): ListRule | undefined {
		this.onlyKeys(input, path, ["list"], "a list rule");
		if (typeof input.list !== "string" || input.list.length < 1 || input.list.length > 64) {
			this.issue(at(path, "list"), "A list rule names a list id (a non-empty text of at most 64 characters)");
			return undefined;
		}
		return { list: input.list };
	}

	private engagement(input: Record<string, unknown>, path: string): EngagementRule | undefined {
		const before = this.issues.length;
		this.onlyKeys(input, path, ["engagement", "campaign_id", "within_days"], "an engagement rule");
		const kind = ENGAGEMENTS.find((e) => e === input.engagement);
		if (!kind)
			this.issue(
				at(path, "engagement"),
				`Unknown engagement ${show(input.engagement)}; use one of ${list(ENGAGEMENTS)}`,
			);
		const campaignId = input.campaign_id;
		if (
			campaignId !== undefined &&
			(typeof campaignId !== "string" || campaignId.length < 1 || campaignId.length > 64)
		) {
			this.issue(at(path, "campaign_id"), "campaign_id is a non-empty text of at most 64 characters");
		}
		this.withinDays(input, path);
		if (!kind || this.issues.length > before) return undefined;
		const rule: EngagementRule = { engagement: kind };
		if (typeof campaignId === "string") rule.campaign_id = campaignId;
		if (typeof input.within_days === "number") rule.within_days = input.within_days;
		return rule;
	}

	private withinDays(input: Record<string, unknown>, path: string) {
		if (input.within_days !== undefined && !isWholeIn(input.within_days, 1, 3650)) {
			this.issue(at(path, "within_days"), "within_days must be a whole number of days from 1 to 3650");
		}
	}

	private event(input: Record<string, unknown>, path: string): EventRule | undefined {
		const before = this.issues.length;
		this.onlyKeys(input, path, ["event", "count", "within_days", "where"], "an event rule");
		if (typeof input.event !== "string" || input.event.length < 1 || input.event.length > 100) {
			this.issue(at(path, "event"), "An event name is a non-empty text of at most 100 characters");
		}
		const count = this.count(input.count, at(path, "count"));
		this.withinDays(input, path);
		const where: PropertyRule[] = [];
		if (input.where !== undefined) {
			const wherePath = at(path, "where");
			if (!Array.isArray(input.where)) {
				this.issue(wherePath, `"where" needs a list of property rules, got ${describe(input.where)}`);
			} else if (input.where.length > MAX_WHERE) {
				this.issue(wherePath, `"where" takes at most ${MAX_WHERE} property rules`);
			} else {
				this.rules += input.where.length;
				input.where.forEach((item, i) => {
					const rule = this.property(item, at(wherePath, i));
					if (rule) where.push(rule);
				});
			}
		}
		if (this.issues.length > before || typeof input.event !== "string" || !count) return undefined;
		const rule: EventRule = { event: input.event, count };
		if (typeof input.within_days === "number") rule.within_days = input.within_days;
		if (input.where !== undefined) rule.where = where;
		return rule;
	}

	private count(input: unknown, path: string): EventRule["count"] | undefined {
		if (!isObject(input)) {
			this.issue(path, `"count" is required, like {"op": "gte", "value": 1}; got ${describe(input)}`);
			return undefined;
		}
		this.onlyKeys(input, path, ["op", "value"], "count");
		const op = COUNT_OPS.find((o) => o === input.op);
		if (!op) this.issue(at(path, "op"), `Unknown count operator ${show(input.op)}; use one of ${list(COUNT_OPS)}`);
		if (!isWholeIn(input.value, 0, Number.MAX_SAFE_INTEGER)) {
			this.issue(at(path, "value"), "A count is a whole number, 0 or more");
			return undefined;
		}
		return op && { op, value: input.value };
	}

	private attribute(input: Record<string, unknown>, path: string): AttributeRule | undefined {
		this.onlyKeys(input, path, ["attribute", "op", "value"], "an attribute rule");
		const name = input.attribute;
		if (typeof name !== "string" || !FIELD_NAME_PATTERN.test(name)) {
			this.issue(
				at(path, "attribute"),
				`${show(name)} is not a valid attribute name; use a built-in (${list(BUILTIN_FIELDS)}) or a custom name of letters, digits, _ or - (up to 64), starting with a letter or _`,
			);
			checkComparison(input, path, "", this.report);
			return undefined;
		}
		const comparison = checkComparison(input, path, name, this.report);
		return comparison && ({ attribute: name, ...comparison } as AttributeRule);
	}

	private property(input: unknown, path: string): PropertyRule | undefined {
		if (!isObject(input)) {
			this.issue(
				path,
				`Expected a property rule like {"property": "plan", "op": "eq", "value": "pro"}, got ${describe(input)}`,
			);
			return undefined;
		}
		this.onlyKeys(input, path, ["property", "op", "value"], "a property rule");
		const name = input.property;
		if (typeof name !== "string" || !FIELD_NAME_PATTERN.test(name)) {
			this.issue(
				at(path, "property"),
				`${show(name)} is not a valid property name; use letters, digits, _ or - (up to 64), starting with a letter or _`,
			);
			checkComparison(input, path, "", this.report);
			return undefined;
		}
		// Event properties have no built-ins: "email" in a where rule is the event's own property.
		const comparison = checkComparison(input, path, `property:${name}`, this.report);
		return comparison && ({ property: name, ...comparison } as PropertyRule);
	}
}
