import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPARISON_OPS, ENGAGEMENTS, type SegmentDefinition } from "../worker/contracts/segments";
import { pageQuery } from "../worker/domain/segments/compile";
import { compileCount, countQuery } from "../worker/domain/segments/count";
import { evaluateSegment, type SegmentContact, type SegmentRelated } from "../worker/domain/segments/evaluate";
import { validateSegmentDefinition } from "../worker/domain/segments/validate";

/*
 * The SQL compiler and the in-memory evaluator must agree on random data and random rule trees. Value pools are
 * small and shared across fields so equal values, type mix-ups (30 vs "30"), odd dates and boundaries all occur.
 */

const WS = "ws_segments_property";
const NOW = Date.UTC(2025, 0, 31, 12);
const DAY = 86_400_000;
const CONTACTS = 300;
const DEFINITIONS = 200;

function mulberry32(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const random = mulberry32(20250131);
const chance = (p: number) => random() < p;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function pick<T>(items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error("pick from an empty list");
	return item;
}

const DATES = [
	"2024-05-01",
	"2024-05-01T10:00:00Z",
	"2024-05-01T10:00:00.250+02:00",
	"2024-05-01 10:00",
	"2024-05-01T24:00",
	"2024-02-30",
	"2024-13-01",
	"2025-01-31T12:00",
	"2023-12-31T23:59:59.999-01:00",
	"now",
];
const RULE_DATES = ["2024-05-01", "2024-05-01T10:00:00Z", "2024-05-01T08:00:00.250Z", "2025-01-31T12:00", "2024-03-01"];
const TEXTS = ["Berlin", "berlin", "BERLIN-Mitte", "Paris", "", "x' OR 1=1 --", "30", "Émile", "émile"];
const NUMBERS = [0, 1, -3, 29.5, 30, 45];
const VALUES: unknown[] = [...TEXTS, ...NUMBERS, ...DATES, true, false, null, ["a", "b"], { a: 1 }];
const CUSTOM = ["city", "age", "vip", "plan", "renewal", "nick", "missing"];
const TAGS = ["vip", "VIP", "beta", "churned"];
// Static lists (the last one holds nobody).
const LISTS = ["lst_p1", "lst_p2", "lst_p3"];
const EVENT_NAMES = ["purchase", "login", "signup"];
const PROPERTIES = ["sku", "amount", "when"];
const KINDS = ["delivered", "open", "click", "bounce", "complaint", "unsubscribe"];
const CAMPAIGNS = ["cmp_1", "cmp_2", "cmp_3"];
const STATUSES = ["subscribed", "unsubscribed", "bounced", "complained"];
const CREATED = [Date.UTC(2024, 4, 1), Date.UTC(2024, 4, 1, 10), NOW - 30 * DAY, Date.UTC(2023, 0, 1)];
// Windows are 7, 30 or 90 days; some rows sit exactly on a window's edge.
const occurred = () => (chance(0.2) ? NOW - pick([7, 30, 90]) * DAY : NOW - int(0, 120 * 24) * 3_600_000);

type Data = { contact: SegmentContact; related: SegmentRelated };

function generateData(): Data[] {
	return Array.from({ length: CONTACTS }, (_, i) => {
		const attributes: Record<string, unknown> = {};
		for (const key of CUSTOM.slice(0, -1)) if (chance(0.7)) attributes[key] = pick(VALUES);
		const contact: SegmentContact = {
			id: `segp_${String(i).padStart(4, "0")}`,
			email: `u${i}@p.io`,
			first_name: pick([null, "", "Ann", "ann", "Bob", "Émile", "EVE"]),
			last_name: pick([null, "Lee", "lee", ""]),
			status: pick(STATUSES),
			created_at: chance(0.5) ? pick(CREATED) : Date.UTC(2023, 0, 1) + int(0, 760) * DAY,
			timezone: pick([null, "Europe/Berlin", "UTC"]),
			locale: pick([null, "de", "en", ""]),
			attributes,
		};
		const campaigns = CAMPAIGNS.filter(() => chance(0.4));
		const related: SegmentRelated = {
			tags: TAGS.filter(() => chance(0.3)),
			// From the index, not the random stream, so the other data and definitions stay as they were.
			lists: LISTS.slice(0, 2).filter((_, j) => (i * 7 + j * 3) % 5 < 2),
			events: Array.from({ length: int(0, 4) }, () => ({
				name: pick(EVENT_NAMES),
				properties: Object.fromEntries(PROPERTIES.filter(() => chance(0.6)).map((p) => [p, pick(VALUES)])),
				occurred_at: occurred(),
			})),
			tracking: Array.from({ length: int(0, 3) }, () => ({
				kind: pick(KINDS),
				flag: pick([null, null, "machine", "bot"]),
				campaign_id: pick([null, ...CAMPAIGNS]),
				occurred_at: occurred(),
			})),
			messages: campaigns.map((campaign_id) => ({
				campaign_id,
				status: pick(["queued", "sent", "delivered", "bounced", "complained", "failed"]),
				sent_at: chance(0.2) ? null : occurred(),
			})),
		};
		return { contact, related };
	});
}

/** Multi-row INSERTs, each within D1's 100 bound parameters. */
function inserts(table: string, columns: string[], rows: (string | number | null)[][]): D1PreparedStatement[] {
	const perStatement = Math.floor(100 / columns.length);
	const statements: D1PreparedStatement[] = [];
	for (let start = 0; start < rows.length; start += perStatement) {
		const chunk = rows.slice(start, start + perStatement);
		const tuple = `(${columns.map(() => "?").join(", ")})`;
		const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`;
		statements.push(env.DB.prepare(sql).bind(...chunk.flat()));
	}
	return statements;
}

async function store(data: Data[]) {
	const rows = <T>(f: (d: Data) => T[]) => data.flatMap(f);
	let n = 0;
	const next = () => `segp_r${n++}`;
	await env.DB.batch([
		env.DB.prepare("INSERT INTO workspaces (id, name) VALUES (?, ?)").bind(WS, "Segment properties"),
		...inserts(
			"contacts",
			[
				"id",
				"workspace_id",
				"email",
				"first_name",
				"last_name",
				"status",
				"created_at",
				"timezone",
				"locale",
				"attributes",
			],
			data.map(({ contact: c }) => [
				c.id,
				WS,
				c.email,
				c.first_name,
				c.last_name,
				c.status,
				c.created_at,
				c.timezone,
				c.locale,
				JSON.stringify(c.attributes),
			]),
		),
		...inserts(
			"contact_lists",
			["id", "workspace_id", "name"],
			LISTS.map((id) => [id, WS, id]),
		),
		...inserts(
			"contact_list_members",
			["list_id", "contact_id", "workspace_id"],
			rows((d) => (d.related.lists ?? []).map((list) => [list, d.contact.id, WS])),
		),
		...inserts(
			"contact_tags",
			["workspace_id", "contact_id", "tag"],
			rows((d) => d.related.tags.map((tag) => [WS, d.contact.id, tag])),
		),
		...inserts(
			"events",
			["id", "workspace_id", "contact_id", "name", "properties", "occurred_at"],
			rows((d) =>
				d.related.events.map((e) => [next(), WS, d.contact.id, e.name, JSON.stringify(e.properties), e.occurred_at]),
			),
		),
		...inserts(
			"tracking_events",
			["id", "workspace_id", "contact_id", "kind", "flag", "campaign_id", "occurred_at"],
			rows((d) =>
				d.related.tracking.map((t) => [next(), WS, d.contact.id, t.kind, t.flag, t.campaign_id, t.occurred_at]),
			),
		),
		...inserts(
			"messages",
			["id", "workspace_id", "campaign_id", "contact_id", "email", "status", "sent_at"],
			rows((d) =>
				d.related.messages.map((m) => [next(), WS, m.campaign_id, d.contact.id, d.contact.email, m.status, m.sent_at]),
			),
		),
	]);
}

function comparisonValue(field: string, op: string): unknown {
	if (op === "exists" || op === "not_exists") return undefined;
	if (op === "in") return Array.from({ length: int(1, 4) }, () => comparisonValue(field, "eq"));
	if (field === "status") return pick(STATUSES);
	if (field === "email") return pick(["u1@p.io", "U2@P.IO", "u3@p.io", "nobody@p.io"]);
	if (op === "contains" || op === "starts_with")
		return pick(["ber", "BER", "lin", "30", "é", "É", "a", "u1", "E", "x'"]);
	if (field === "created_at" || ["gt", "gte", "lt", "lte"].includes(op)) {
		return chance(0.5) ? pick(RULE_DATES) : pick([...NUMBERS, ...CREATED]);
	}
	if (["first_name", "last_name", "timezone", "locale"].includes(field)) {
		return pick(["Ann", "ann", "Bob", "Émile", "EVE", "Lee", "", "de", "UTC"]);
	}
	return pick([...TEXTS, ...NUMBERS, true, false]);
}

function comparison(field: string): { op: string; value?: unknown } {
	const op = pick(COMPARISON_OPS);
	const value = comparisonValue(field, op);
	return value === undefined ? { op } : { op, value };
}

function eventLeaf(): unknown {
	const rule: Record<string, unknown> = {
		event: pick(EVENT_NAMES),
		count: { op: pick(["eq", "neq", "gt", "gte", "lt", "lte"]), value: int(0, 3) },
	};
	if (chance(0.5)) rule.within_days = pick([7, 30, 90]);
	if (chance(0.5))
		rule.where = Array.from({ length: int(1, 2) }, () => ({
			property: pick([...PROPERTIES, "nope"]),
			...comparison("property"),
		}));
	return rule;
}

function leaf(): unknown {
	const kind = random();
	if (kind < 0.45) {
		const field = pick([
			...["email", "first_name", "last_name", "status", "created_at", "timezone", "locale"],
			...CUSTOM,
			...CUSTOM,
		]);
		return { attribute: field, ...comparison(field) };
	}
	// Part of the tags' share goes to lists, picked from the same draw (the random stream stays as it was).
	if (kind < 0.53) return { tag: pick(TAGS) };
	if (kind < 0.6) return { list: LISTS[Math.floor(kind * 1000) % LISTS.length] };
	if (kind < 0.8) return eventLeaf();
	const rule: Record<string, unknown> = { engagement: pick(ENGAGEMENTS) };
	if (chance(0.3)) rule.campaign_id = pick(CAMPAIGNS);
	if (chance(0.5)) rule.within_days = pick([7, 30, 90]);
	return rule;
}

function tree(depth: number): unknown {
	if (depth < 3 && chance(0.45)) {
		const group = pick(["all", "any", "not"]);
		if (group === "not") return { not: tree(depth + 1) };
		return { [group]: Array.from({ length: int(0, 4) }, () => tree(depth + 1)) };
	}
	return leaf();
}

/** Random definitions that pass validation (the validator is the gate, as in the API). */
function generateDefinitions(): SegmentDefinition[] {
	const definitions: SegmentDefinition[] = [];
	while (definitions.length < DEFINITIONS) {
		// One in five is a lone event rule, counted from its set alone (no contact row read).
		const root = chance(0.2)
			? { all: [eventLeaf()] }
			: { [pick(["all", "any"])]: Array.from({ length: int(1, 4) }, () => tree(2)) };
		const candidate = chance(0.1) ? { not: root } : root;
		const result = validateSegmentDefinition(candidate);
		if (result.ok) definitions.push(result.definition);
	}
	return definitions;
}

const data = generateData();
const definitions = generateDefinitions();

beforeAll(async () => {
	await store(data);
});

describe("compiled SQL (pages and counts) agrees with evaluateSegment", () => {
	it("covers every rule kind and operator", () => {
		const text = JSON.stringify(definitions);
		for (const needle of [
			...COMPARISON_OPS.map((op) => `"op":"${op}"`),
			'"tag"',
			'"list"',
			'"event"',
			'"where"',
			'"not"',
		]) {
			expect(text).toContain(needle);
		}
		for (const engagement of ENGAGEMENTS) expect(text).toContain(`"engagement":"${engagement}"`);
		const fromEventContacts = definitions.filter((d) => compileCount(d, { workspaceId: WS, now: NOW }).members);
		expect(fromEventContacts.length).toBeGreaterThan(10);
	});

	it.each(definitions.map((definition, i) => [i, definition] as const))("definition %i", async (_i, definition) => {
		const query = pageQuery(definition, { workspaceId: WS, now: NOW }, { limit: CONTACTS + 1 });
		expect(query.params.length).toBeLessThanOrEqual(100);
		const { results } = await env.DB.prepare(query.sql)
			.bind(...query.params)
			.all<{ id: string }>();
		const expected = data
			.filter((d) => evaluateSegment(definition, d.contact, d.related, NOW))
			.map((d) => d.contact.id);
		expect(results.map((r) => r.id)).toEqual(expected);
		const count = countQuery(definition, { workspaceId: WS, now: NOW });
		const counted = await env.DB.prepare(count.sql)
			.bind(...count.params)
			.first<{ count: number }>();
		expect(counted?.count).toBe(expected.length);
	});

	it("is not trivially agreeing: results vary", () => {
		const sizes = new Set(
			definitions.map((d) => data.filter((x) => evaluateSegment(d, x.contact, x.related, NOW)).length),
		);
		expect(sizes.size).toBeGreaterThan(20);
	});
});
