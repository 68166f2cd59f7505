import type {
	AttributeRule,
	EngagementRule,
	EventRule,
	PropertyRule,
	SegmentDefinition,
	SegmentRule,
} from "../../contracts/segments";

/*
 * In-memory segment evaluation over plain rows: the oracle the SQL compiler is tested against. It is written
 * independently of compile.ts (no shared helpers) and follows the semantics documented there.
 */

export type SegmentContact = {
	id: string;
	email: string;
	first_name: string | null;
	last_name: string | null;
	status: string;
	created_at: number;
	timezone: string | null;
	locale: string | null;
	attributes: Record<string, unknown>;
};

export type SegmentRelated = {
	tags: string[];
	/** The static lists (ids) the contact is on. */
	lists?: string[];
	events: { name: string; properties: Record<string, unknown>; occurred_at: number }[];
	tracking: { kind: string; flag: string | null; campaign_id: string | null; occurred_at: number }[];
	messages: { campaign_id: string; status: string; sent_at: number | null }[];
};

/** A value as SQLite sees it: JSON booleans are 1/0, lists and objects are their JSON text. */
type Value = { type: "null" } | { type: "text"; text: string } | { type: "number"; number: number };

const DAY_MS = 86_400_000;

export function evaluateSegment(
	definition: SegmentDefinition,
	contact: SegmentContact,
	related: SegmentRelated,
	now: number,
): boolean {
	return matches(definition, contact, related, now);
}

function matches(rule: SegmentRule, contact: SegmentContact, related: SegmentRelated, now: number): boolean {
	if ("all" in rule) return rule.all.every((r) => matches(r, contact, related, now));
	if ("any" in rule) return rule.any.some((r) => matches(r, contact, related, now));
	if ("not" in rule) return !matches(rule.not, contact, related, now);
	if ("attribute" in rule) return attribute(rule, contact);
	if ("tag" in rule) return related.tags.includes(rule.tag);
	if ("list" in rule) return (related.lists ?? []).includes(rule.list);
	if ("event" in rule) return event(rule, related, now);
	return engagement(rule, related, now);
}

function toValue(raw: unknown): Value {
	if (raw === null || raw === undefined) return { type: "null" };
	if (typeof raw === "string") return { type: "text", text: raw };
	if (typeof raw === "number") return { type: "number", number: raw };
	if (typeof raw === "boolean") return { type: "number", number: raw ? 1 : 0 };
	return { type: "text", text: JSON.stringify(raw) };
}

function jsonField(object: Record<string, unknown>, name: string): Value {
	return toValue(Object.hasOwn(object, name) ? object[name] : undefined);
}

function attribute(rule: AttributeRule, contact: SegmentContact): boolean {
	switch (rule.attribute) {
		case "email": {
			const lower = (v: string | number | boolean) => (typeof v === "string" ? v.toLowerCase() : v);
			if (rule.op === "eq" || rule.op === "neq")
				return compare(toValue(contact.email), { ...rule, value: lower(rule.value) });
			if (rule.op === "in") return compare(toValue(contact.email), { ...rule, value: rule.value.map(lower) });
			return compare(toValue(contact.email), rule);
		}
		case "created_at": {
			// A date in the rule means its instant in ms; an unreadable one matches nothing (NaN).
			const ms = <T>(v: T) => (typeof v === "string" ? (sqliteDate(v) ?? Number.NaN) : v);
			const created = toValue(contact.created_at);
			if (rule.op === "in") return compare(created, { ...rule, value: rule.value.map(ms) });
			if (rule.op === "eq" || rule.op === "neq") return compare(created, { ...rule, value: ms(rule.value) });
			if (rule.op === "gt" || rule.op === "gte" || rule.op === "lt" || rule.op === "lte") {
				return compare(created, { ...rule, value: ms(rule.value) });
			}
			return compare(created, rule);
		}
		case "first_name":
		case "last_name":
		case "status":
		case "timezone":
		case "locale":
			return compare(toValue(contact[rule.attribute]), rule);
		default:
			return compare(jsonField(contact.attributes, rule.attribute), rule);
	}
}

const same = (a: Value, b: Value) =>
	(a.type === "text" && b.type === "text" && a.text === b.text) ||
	(a.type === "number" && b.type === "number" && a.number === b.number);

// SQLite's lower() folds ASCII letters only.
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

function compare(value: Value, rule: AttributeRule | PropertyRule): boolean {
	switch (rule.op) {
		case "eq":
			return same(value, toValue(rule.value));
		case "neq":
			return !same(value, toValue(rule.value));
		case "in":
			return rule.value.some((v) => same(value, toValue(v)));
		case "contains":
			return value.type === "text" && asciiLower(value.text).includes(asciiLower(rule.value));
		case "starts_with":
			return value.type === "text" && asciiLower(value.text).startsWith(asciiLower(rule.value));
		case "exists":
			return value.type !== "null" && !(value.type === "text" && value.text === "");
		case "not_exists":
			return value.type === "null" || (value.type === "text" && value.text === "");
		default: {
			let left: number | null = null;
			let right: number | null = null;
			if (typeof rule.value === "number") {
				left = value.type === "number" ? value.number : null;
				right = rule.value;
			} else {
				left = value.type === "text" ? sqliteDate(value.text) : null;
				right = sqliteDate(rule.value);
			}
			if (left === null || right === null) return false;
			if (rule.op === "gt") return left > right;
			if (rule.op === "gte") return left >= right;
			if (rule.op === "lt") return left < right;
			return left <= right;
		}
	}
}

/**
 * Milliseconds for text that SQLite's unixepoch() reads as a date starting YYYY-MM-DD, or null. Mirrors SQLite:
 * "T" or spaces before the time, hour 24 allowed, days up to 31 roll into the next month, fractions round to ms,
 * optional Z or ±HH:MM, no zone on a bare date.
 */
function sqliteDate(text: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{2}):(\d{2})(?::(\d{2})(\.\d*)?)? *([Zz]|[+-]\d{2}:\d{2})? *)?$/.exec(
		text,
	);
	if (!m) return null;
	const part = (i: number) => Number(m[i] ?? 0);
	const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) return null;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	const seconds = second + Number(m[7] && m[7] !== "." ? `0${m[7]}` : 0);
	const base = date.getTime() + hour * 3_600_000 + minute * 60_000 + Math.floor(seconds * 1000 + 0.5);
	const zone = m[8];
	if (!zone || zone === "Z" || zone === "z") return base;
	const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4));
	return base - (zone[0] === "-" ? -minutes : minutes) * 60_000;
}

const since = (now: number, days: number | undefined) => (days ? now - days * DAY_MS : Number.NEGATIVE_INFINITY);

function event(rule: EventRule, related: SegmentRelated, now: number): boolean {
	const from = since(now, rule.within_days);
	const count = related.events.filter(
		(e) =>
			e.name === rule.event &&
			e.occurred_at >= from &&
			(rule.where ?? []).every((p) => compare(jsonField(e.properties, p.property), p)),
	).length;
	const target = rule.count.value;
	switch (rule.count.op) {
		case "eq":
			return count === target;
		case "neq":
			return count !== target;
		case "gt":
			return count > target;
		case "gte":
			return count >= target;
		case "lt":
			return count < target;
		case "lte":
			return count <= target;
	}
}

function engagement(rule: EngagementRule, related: SegmentRelated, now: number): boolean {
	const from = since(now, rule.within_days);
	const campaign = (id: string | null) => rule.campaign_id === undefined || id === rule.campaign_id;
	if (rule.engagement === "received") {
		return related.messages.some(
			(m) =>
				(m.status === "sent" || m.status === "delivered" || m.status === "complained") &&
				campaign(m.campaign_id) &&
				(rule.within_days === undefined || (m.sent_at !== null && m.sent_at >= from)),
		);
	}
	const kind = { opened: "open", clicked: "click", bounced: "bounce", unsubscribed: "unsubscribe" }[rule.engagement];
	const humanOnly = kind === "open" || kind === "click";
	return related.tracking.some(
		(t) => t.kind === kind && (!humanOnly || t.flag === null) && campaign(t.campaign_id) && t.occurred_at >= from,
	);
}
