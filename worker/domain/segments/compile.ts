import type {
	AttributeRule,
	EngagementRule,
	EventRule,
	SegmentDefinition,
	SegmentRule,
} from "../../contracts/segments";
import { comparison, customValue, datesAsMs, lowerCased } from "./compile-values";
import { type Fragment, integer, join, q, raw, type SqlParam } from "./fragment";

/*
 * Compiles a validated segment definition into a parameterized SQL boolean over `contacts c`.
 *
 * Safety: user values only ever travel as bound parameters. SQL text is built from compiler constants (column names
 * from a fixed map, engagement kinds, operators) and compiler-computed whole numbers (an event window's start);
 * the `q` template turns every interpolated non-fragment into `?`.
 *
 * Parameter budget (D1 allows 100 per statement): each rule binds at most 3 parameters:
 *   attribute: built-in 1 (value), custom 2 (JSON path, value); exists/not_exists bind no value
 *   `in`: the whole list is one JSON-array parameter read with json_each
 *   tag 1; list 1; engagement ≤ 2 (campaign, window start); event ≤ 3 (workspace id, name, count) + 2 per `where` rule,
 *   and each `where` rule counts as a rule
 * MAX_RULES = 30 rules x 3 = 90, plus the workspace id, cursor and limit of the page query = 93 ≤ 100.
 * Anything bigger (a definition that skipped validation) throws SegmentTooComplexError instead of running.
 *
 * Semantics (the in-memory `evaluateSegment` implements the same, and a property test holds them together):
 * - every leaf yields 0 or 1, never NULL, so `not` is plain negation
 * - missing means absent or JSON null. `neq` matches a missing value; `exists` means present and not ""
 * - custom attribute values keep their JSON type: "5" is not 5; true/false are 1/0; lists/objects compare as JSON text
 * - eq/neq/in are exact (case-sensitive) except on `email`, whose value is lower-cased like stored emails;
 *   contains/starts_with ignore ASCII case and only match text; tags, list ids, event names and campaign ids match exactly
 * - gt/gte/lt/lte with a number match numeric values; with an ISO date they match text values that SQLite reads as a
 *   date (YYYY-MM-DD...), compared as instants. `created_at` is integer ms, so dates are converted to ms
 * - engagement is read from tracking events (opened/clicked ignore machine opens and bot clicks; bounced, unsubscribed)
 *   and from messages for `received` (status sent/delivered, windowed on sent_at); contact status is not consulted
 */

export type { SqlParam };
export type CompiledSegment = { where: string; params: SqlParam[] };
export type SegmentQuery = { sql: string; params: SqlParam[] };
export type CompileContext = { workspaceId: string; now: number };

/** Parameters a compiled `where` may bind, leaving room for the caller's workspace id, cursor and limit. */
export const MAX_SEGMENT_PARAMS = 90;
const DAY_MS = 86_400_000;

export class SegmentTooComplexError extends Error {
	constructor(readonly params: number) {
		super(`This segment needs ${params} query parameters; the limit is ${MAX_SEGMENT_PARAMS}. Use fewer rules.`);
		this.name = "SegmentTooComplexError";
	}
}

const COLUMNS = {
	email: "c.email",
	first_name: "c.first_name",
	last_name: "c.last_name",
	status: "c.status",
	created_at: "c.created_at",
	timezone: "c.timezone",
	locale: "c.locale",
} as const;
type Builtin = keyof typeof COLUMNS;
const isBuiltin = (name: string): name is Builtin => Object.hasOwn(COLUMNS, name);

const ENGAGEMENT_KINDS = { opened: "open", clicked: "click", bounced: "bounce", unsubscribed: "unsubscribe" } as const;
const COUNT_SQL = { eq: "=", neq: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
export function compileSegment(definition: SegmentDefinition, ctx: CompileContext): CompiledSegment {
	const compiled = rule(definition, ctx);
	if (compiled.params.length > MAX_SEGMENT_PARAMS) throw new SegmentTooComplexError(compiled.params.length);
	return { where: compiled.sql, params: compiled.params };
}

/** One keyset page of matching contacts, ordered by id; `afterId` is the last id of the previous page. */
export function pageQuery(
	definition: SegmentDefinition,
	ctx: CompileContext,
	page: { afterId?: string | null; limit: number },
): SegmentQuery {
	const { where, params } = compileSegment(definition, ctx);
	return {
		sql: `SELECT c.* FROM contacts c WHERE c.workspace_id = ? AND (${where}) AND c.id > ? ORDER BY c.id LIMIT ?`,
		params: [ctx.workspaceId, ...params, page.afterId ?? "", page.limit],
	};
}

function rule(node: SegmentRule, ctx: CompileContext): Fragment {
	if ("all" in node) return group(node.all, "AND", ctx);
	if ("any" in node) return group(node.any, "OR", ctx);
	if ("not" in node) return q`NOT (${rule(node.not, ctx)})`;
	if ("attribute" in node) return attribute(node);
	if ("tag" in node)
		return q`EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.contact_id = c.id AND ct.tag = ${node.tag})`;
	if ("list" in node)
		return q`EXISTS (SELECT 1 FROM contact_list_members lm WHERE lm.list_id = ${node.list} AND lm.contact_id = c.id)`;
	if ("event" in node) return event(node, ctx);
	return engagement(node, ctx);
}

/** An empty `all` is everyone, an empty `any` nobody. */
function group(rules: SegmentRule[], op: "AND" | "OR", ctx: CompileContext): Fragment {
	if (rules.length === 0) return raw(op === "AND" ? "1" : "0");
	return balanced(
		rules.map((r) => rule(r, ctx)),
		op,
	);
}

/** `a AND b AND c ...` as a balanced tree: SQLite refuses expression trees deeper than 100. */
function balanced(parts: Fragment[], op: "AND" | "OR"): Fragment {
	const [first] = parts;
	if (parts.length === 1 && first) return first;
	const middle = Math.ceil(parts.length / 2);
	return q`(${balanced(parts.slice(0, middle), op)} ${raw(op)} ${balanced(parts.slice(middle), op)})`;
}

function attribute(node: AttributeRule): Fragment {
	const name = node.attribute;
	if (!isBuiltin(name)) return customValue(raw("c.attributes"), name, node);
	const column = raw(COLUMNS[name]);
	if (name === "email") return comparison(column, lowerCased(node));
	if (name === "created_at") return comparison(column, datesAsMs(node));
	return comparison(column, node);
}

const windowStart = (ctx: CompileContext, days: number | undefined) => (days ? ctx.now - days * DAY_MS : undefined);

const COUNT_HOLDS = {
	eq: (n: number, v: number) => n === v,
	neq: (n: number, v: number) => n !== v,
	gt: (n: number, v: number) => n > v,
	gte: (n: number, v: number) => n >= v,
	lt: (n: number, v: number) => n < v,
	lte: (n: number, v: number) => n <= v,
} as const;

/**
 * The rows an event rule reads (alias `e`, with a `contact_id` column) and the count that decides; `complement`
 * when a contact without any matching event satisfies the rule; `distinct` when each contact is at most one row.
 */
type EventSet = { from: Fragment; having: Fragment | null; complement: boolean; distinct: boolean };

const AT_LEAST_ONE = (op: string, value: number) => (op === "gte" && value === 1) || (op === "gt" && value === 0);
const NONE = (op: string, value: number) =>
	(op === "eq" && value === 0) || (op === "lt" && value === 1) || (op === "lte" && value === 0);

/**
 * A rule without property filters is decided by the contact's rollup for that event name (one row per contact:
 * its total and latest time) when the window does not matter to the count, or the count is "at least one"/"none"
 * (the latest time decides). Null when the events themselves must be read.
 */
function rollupSet(node: EventRule, ctx: CompileContext): EventSet | null {
	if (node.where?.length) return null;
	const { op, value } = node.count;
	const since = windowStart(ctx, node.within_days);
	const filters = [q`e.workspace_id = ${ctx.workspaceId} AND e.name = ${node.event}`];
	let complement: boolean;
	if (AT_LEAST_ONE(op, value) || NONE(op, value)) {
		if (since !== undefined) filters.push(q`e.last_at >= ${integer(since)}`);
		complement = NONE(op, value);
	} else {
		if (since !== undefined) return null;
		const holds = q`e.total ${raw(COUNT_SQL[op])} ${value}`;
		// A count that zero satisfies (`lt 3`) is the complement of the contacts whose count fails it.
		complement = COUNT_HOLDS[op](0, value);
		filters.push(complement ? q`NOT (${holds})` : holds);
	}
	return { from: q`FROM event_rollups e WHERE ${join(filters, " AND ")}`, having: null, complement, distinct: true };
}

function eventSet(node: EventRule, ctx: CompileContext): EventSet {
	const rollup = rollupSet(node, ctx);
	if (rollup) return rollup;
	const filters = [q`e.workspace_id = ${ctx.workspaceId} AND e.name = ${node.event}`];
	const since = windowStart(ctx, node.within_days);
	if (since !== undefined) filters.push(q`e.occurred_at >= ${integer(since)}`);
	for (const property of node.where ?? []) filters.push(customValue(raw("e.properties"), property.property, property));
	const from = q`FROM events e WHERE ${join(filters, " AND ")}`;
	const { op, value } = node.count;
	// "at least one" and "none" need no count: any matching event puts the contact in the set.
	if (AT_LEAST_ONE(op, value)) return { from, having: null, complement: false, distinct: false };
	if (NONE(op, value)) return { from, having: null, complement: true, distinct: false };
	const holds = q`count(*) ${raw(COUNT_SQL[op])} ${value}`;
	// A count that zero satisfies (`lt 3`) is the complement of the contacts whose count fails it.
	if (COUNT_HOLDS[op](0, value)) return { from, having: q`NOT (${holds})`, complement: true, distinct: false };
	return { from, having: holds, complement: false, distinct: false };
}

/**
 * The contacts with matching events form one uncorrelated set (`c.id IN (...)`), read once per query (from the
 * rollups, or the index on events (workspace_id, name, contact_id, occurred_at)) instead of once per contact.
 */
function event(node: EventRule, ctx: CompileContext): Fragment {
	const { from, having, complement } = eventSet(node, ctx);
	const grouped = having ? q` GROUP BY e.contact_id HAVING ${having}` : raw("");
	return q`c.id ${raw(complement ? "NOT IN" : "IN")} (SELECT e.contact_id ${from}${grouped})`;
}

/** The contacts with a tag as a query of distinct contact ids (column `id`). */
export const tagMembers = (node: { tag: string }, ctx: CompileContext): SegmentQuery =>
	q`SELECT ct.contact_id AS id FROM contact_tags ct WHERE ct.workspace_id = ${ctx.workspaceId} AND ct.tag = ${node.tag}`;

/** The contacts on a static list of the workspace as a query of distinct contact ids (column `id`). */
export const listMembers = (node: { list: string }, ctx: CompileContext): SegmentQuery =>
	q`SELECT lm.contact_id AS id FROM contact_list_members lm WHERE lm.list_id = ${node.list} AND lm.workspace_id = ${ctx.workspaceId}`;

/**
 * The contacts an event rule matches as a query of distinct contact ids (column `id`), or null when the rule also
 * matches contacts without events (it is a complement).
 */
export function eventMembers(node: EventRule, ctx: CompileContext): SegmentQuery | null {
	const { from, having, complement, distinct } = eventSet(node, ctx);
	if (complement) return null;
	if (having) return q`SELECT e.contact_id AS id ${from} GROUP BY e.contact_id HAVING ${having}`;
	return distinct ? q`SELECT e.contact_id AS id ${from}` : q`SELECT DISTINCT e.contact_id AS id ${from}`;
}

function engagement(node: EngagementRule, ctx: CompileContext): Fragment {
	const since = windowStart(ctx, node.within_days);
	if (node.engagement === "received") {
		const filters = [raw("m.contact_id = c.id AND m.status IN ('sent', 'delivered', 'complained')")];
		if (node.campaign_id !== undefined) filters.push(q`m.campaign_id = ${node.campaign_id}`);
		if (since !== undefined) filters.push(q`m.sent_at >= ${since}`);
		return q`EXISTS (SELECT 1 FROM messages m WHERE ${join(filters, " AND ")})`;
	}
	const kind = ENGAGEMENT_KINDS[node.engagement];
	const filters = [raw(`t.contact_id = c.id AND t.kind = '${kind}'`)];
	// Machine opens (privacy proxies) and bot clicks (link scanners) are recorded but never count as engagement.
	if (kind === "open" || kind === "click") filters.push(raw("t.flag IS NULL"));
	if (node.campaign_id !== undefined) filters.push(q`t.campaign_id = ${node.campaign_id}`);
	if (since !== undefined) filters.push(q`t.occurred_at >= ${since}`);
	return q`EXISTS (SELECT 1 FROM tracking_events t WHERE ${join(filters, " AND ")})`;
}
