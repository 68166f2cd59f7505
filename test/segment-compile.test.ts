import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_IN_VALUES, type SegmentDefinition, type SegmentRule } from "../worker/contracts/segments";
import { compileSegment, pageQuery, SegmentTooComplexError } from "../worker/domain/segments/compile";
import { countQuery } from "../worker/domain/segments/count";
import { validateSegmentDefinition } from "../worker/domain/segments/validate";

const WS = "ws_segments_compile";
const OTHER_WS = "ws_segments_compile_other";
const NOW = Date.UTC(2025, 0, 31, 12);
const DAY = 86_400_000;
const ago = (days: number) => NOW - days * DAY;
const ctx = { workspaceId: WS, now: NOW };

type Contact = {
	key: string;
	first?: string | null;
	last?: string | null;
	status: string;
	created: number;
	tz?: string | null;
	locale?: string | null;
	attributes: Record<string, unknown>;
	tags: string[];
};

const CONTACTS: Contact[] = [
	{
		key: "ann",
		first: "Ann",
		last: "Lee",
		status: "subscribed",
		created: Date.UTC(2024, 0, 10),
		tz: "Europe/Berlin",
		locale: "de",
		attributes: {
			city: "Berlin",
			age: 30,
			vip: true,
			plan: "pro",
			renewal: "2025-03-01",
			score: 4.5,
			list: ["a", "b"],
		},
		tags: ["vip", "beta"],
	},
	{
		key: "bob",
		first: "Bob",
		status: "unsubscribed",
		created: Date.UTC(2024, 5, 1),
		locale: "en",
		attributes: { city: "bern", age: "30", vip: false, plan: "free", renewal: "2024-12-01T10:00:00Z" },
		tags: ["beta"],
	},
	{
		key: "cy",
		first: "",
		last: "Young",
		status: "bounced",
		created: Date.UTC(2024, 11, 31),
		attributes: { city: "Paris", age: 45, plan: null, renewal: "soon", nick: "" },
		tags: [],
	},
	{ key: "dee", first: "Dee", status: "complained", created: Date.UTC(2025, 0, 30), attributes: {}, tags: ["VIP"] },
	{
		key: "eve",
		first: "EVE",
		status: "subscribed",
		created: Date.UTC(2023, 4, 5),
		attributes: { city: "BERLIN-Mitte", age: 29.5, vip: 1, renewal: "2025-03-01 00:00" },
		tags: ["vip"],
	},
];

const EVENTS: [string, string, Record<string, unknown>, number][] = [
	["ann", "purchase", { sku: "A", amount: 10 }, 2],
	["ann", "purchase", { sku: "B", amount: 50 }, 40],
	["ann", "login", {}, 1],
	["bob", "purchase", { sku: "A", amount: 5 }, 10],
	["cy", "login", {}, 100],
	["eve", "purchase", { sku: "C", amount: 20 }, 1],
	["eve", "purchase", { sku: "C", amount: 20 }, 2],
	["eve", "purchase", { sku: "C", amount: 20 }, 3],
];

const TRACKING: [string, string, string | null, string, number][] = [
	["ann", "open", null, "cmp_1", 3],
	["ann", "click", null, "cmp_1", 3],
	["bob", "open", "machine", "cmp_1", 1],
	["bob", "click", "bot", "cmp_1", 1],
	["bob", "unsubscribe", null, "cmp_1", 1],
	["cy", "bounce", null, "cmp_2", 5],
	["eve", "open", null, "cmp_2", 60],
];

const MESSAGES: [string, string, string, number | null][] = [
	["ann", "cmp_1", "delivered", 3],
	["bob", "cmp_1", "sent", 1],
	["cy", "cmp_2", "bounced", 5],
	["eve", "cmp_2", "delivered", 60],
	["dee", "cmp_2", "queued", null],
];

const id = (key: string) => `segc_${key}`;
const email = (key: string) => `${key}@x.io`;

beforeAll(async () => {
	const db = env.DB;
	const statements = [
		db.prepare("INSERT INTO workspaces (id, name) VALUES (?, ?), (?, ?)").bind(WS, "Segments", OTHER_WS, "Other"),
		// Same data in another workspace: it must never show up.
		db
			.prepare("INSERT INTO contacts (id, workspace_id, email, attributes) VALUES (?, ?, ?, ?)")
			.bind("segc_other", OTHER_WS, "ann@x.io", JSON.stringify(CONTACTS[0]?.attributes)),
		db
			.prepare("INSERT INTO contact_tags (workspace_id, contact_id, tag) VALUES (?, ?, ?)")
			.bind(OTHER_WS, "segc_other", "vip"),
	];
	for (const c of CONTACTS) {
		statements.push(
			db
				.prepare(
					`INSERT INTO contacts (id, workspace_id, email, first_name, last_name, status, created_at, timezone, locale, attributes)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				)
				.bind(
					id(c.key),
					WS,
					email(c.key),
					c.first ?? null,
					c.last ?? null,
					c.status,
					c.created,
					c.tz ?? null,
					c.locale ?? null,
					JSON.stringify(c.attributes),
				),
		);
		for (const tag of c.tags) {
			statements.push(
				db
					.prepare("INSERT INTO contact_tags (workspace_id, contact_id, tag) VALUES (?, ?, ?)")
					.bind(WS, id(c.key), tag),
			);
		}
	}
	EVENTS.forEach(([key, name, properties, days], i) => {
		statements.push(
			db
				.prepare(
					"INSERT INTO events (id, workspace_id, contact_id, name, properties, occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
				)
				.bind(`segc_ev${i}`, WS, id(key), name, JSON.stringify(properties), ago(days)),
		);
	});
	TRACKING.forEach(([key, kind, flag, campaign, days], i) => {
		statements.push(
			db
				.prepare(
					"INSERT INTO tracking_events (id, workspace_id, contact_id, kind, flag, campaign_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				)
				.bind(`segc_tr${i}`, WS, id(key), kind, flag, campaign, ago(days)),
		);
	});
	MESSAGES.forEach(([key, campaign, status, days], i) => {
		statements.push(
			db
				.prepare(
					"INSERT INTO messages (id, workspace_id, campaign_id, contact_id, email, status, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				)
				.bind(`segc_msg${i}`, WS, campaign, id(key), email(key), status, days === null ? null : ago(days)),
		);
	});
	await db.batch(statements);
});

async function run(definition: SegmentDefinition): Promise<string[]> {
	const query = pageQuery(definition, ctx, { limit: 1000 });
	expect(query.params.length).toBeLessThanOrEqual(100);
	const { results } = await env.DB.prepare(query.sql)
		.bind(...query.params)
		.all<{ email: string }>();
	const count = countQuery(definition, ctx);
	const counted = await env.DB.prepare(count.sql)
		.bind(...count.params)
		.first<{ count: number }>();
	expect(counted?.count).toBe(results.length);
	return results.map((r) => r.email.split("@")[0] ?? "").sort();
}

const ALL = ["ann", "bob", "cy", "dee", "eve"];
const one = (rule: SegmentRule): SegmentDefinition => ({ all: [rule] });
const attr = (attribute: string, op: string, value?: unknown) =>
	one((value === undefined ? { attribute, op } : { attribute, op, value }) as SegmentRule);
const purchases = (op: string, value: number, extra: Record<string, unknown> = {}) =>
	one({ event: "purchase", count: { op, value }, ...extra } as SegmentRule);

/** Bought at least `n` times (within `days` days, if given). */
const purchase = (n: number, days?: number): SegmentRule =>
	days === undefined
		? { event: "purchase", count: { op: "gte", value: n } }
		: { event: "purchase", count: { op: "gte", value: n }, within_days: days };

type Case = [string, SegmentDefinition, string[]];

const cases: Record<string, Case[]> = {
	"built-in attributes": [
		["email eq ignores case", attr("email", "eq", "ANN@X.IO"), ["ann"]],
		["email neq", attr("email", "neq", "ann@x.io"), ["bob", "cy", "dee", "eve"]],
		["email in", attr("email", "in", ["Bob@x.io", "eve@x.io", "nobody@x.io"]), ["bob", "eve"]],
		["email contains", attr("email", "contains", "E@X"), ["dee", "eve"]],
		["email starts_with", attr("email", "starts_with", "B"), ["bob"]],
		["first_name eq is exact", attr("first_name", "eq", "Ann"), ["ann"]],
		["first_name eq is case-sensitive", attr("first_name", "eq", "ann"), []],
		["first_name neq matches empty and missing", attr("first_name", "neq", "Ann"), ["bob", "cy", "dee", "eve"]],
		["first_name exists skips empty", attr("first_name", "exists"), ["ann", "bob", "dee", "eve"]],
		["first_name not_exists", attr("first_name", "not_exists"), ["cy"]],
		["first_name contains ignores case", attr("first_name", "contains", "e"), ["dee", "eve"]],
		["last_name not_exists", attr("last_name", "not_exists"), ["bob", "dee", "eve"]],
		["last_name neq matches missing", attr("last_name", "neq", "Lee"), ["bob", "cy", "dee", "eve"]],
		["status eq", attr("status", "eq", "subscribed"), ["ann", "eve"]],
		["status neq", attr("status", "neq", "subscribed"), ["bob", "cy", "dee"]],
		["status in", attr("status", "in", ["bounced", "complained"]), ["cy", "dee"]],
		["created_at gte date", attr("created_at", "gte", "2024-06-01"), ["bob", "cy", "dee"]],
		["created_at gt date", attr("created_at", "gt", "2024-06-01"), ["cy", "dee"]],
		["created_at lt ms", attr("created_at", "lt", Date.UTC(2024, 0, 1)), ["eve"]],
		["created_at lte date", attr("created_at", "lte", "2024-01-10"), ["ann", "eve"]],
		["created_at eq ms", attr("created_at", "eq", Date.UTC(2024, 0, 10)), ["ann"]],
		["created_at eq date", attr("created_at", "eq", "2024-01-10T00:00:00Z"), ["ann"]],
		["created_at neq date", attr("created_at", "neq", "2024-01-10"), ["bob", "cy", "dee", "eve"]],
		["created_at in", attr("created_at", "in", ["2024-01-10", Date.UTC(2023, 4, 5)]), ["ann", "eve"]],
		["timezone exists", attr("timezone", "exists"), ["ann"]],
		["locale eq", attr("locale", "eq", "de"), ["ann"]],
		["locale in", attr("locale", "in", ["en", "de"]), ["ann", "bob"]],
	],
	"custom attributes": [
		["text eq is exact", attr("city", "eq", "Berlin"), ["ann"]],
		["text neq matches missing", attr("city", "neq", "Berlin"), ["bob", "cy", "dee", "eve"]],
		["text in is exact", attr("city", "in", ["berlin", "Paris"]), ["cy"]],
		["contains ignores case", attr("city", "contains", "ber"), ["ann", "bob", "eve"]],
		["starts_with ignores case", attr("city", "starts_with", "BER"), ["ann", "bob", "eve"]],
		["starts_with is a prefix", attr("city", "starts_with", "lin"), []],
		["number eq is typed", attr("age", "eq", 30), ["ann"]],
		["text eq is typed", attr("age", "eq", "30"), ["bob"]],
		["number in", attr("age", "in", [45, "30"]), ["bob", "cy"]],
		["contains skips numbers", attr("age", "contains", "3"), ["bob"]],
		["gt number", attr("age", "gt", 29), ["ann", "cy", "eve"]],
		["gte number", attr("age", "gte", 30), ["ann", "cy"]],
		["lt number", attr("age", "lt", 30), ["eve"]],
		["lte decimal", attr("age", "lte", 29.5), ["eve"]],
		["gt decimal value", attr("score", "gt", 4), ["ann"]],
		["boolean true is 1", attr("vip", "eq", true), ["ann", "eve"]],
		["boolean false", attr("vip", "eq", false), ["bob"]],
		["boolean neq", attr("vip", "neq", true), ["bob", "cy", "dee"]],
		["boolean in", attr("vip", "in", [true]), ["ann", "eve"]],
		["exists skips null and missing", attr("plan", "exists"), ["ann", "bob"]],
		["not_exists", attr("plan", "not_exists"), ["cy", "dee", "eve"]],
		["empty text is not there", attr("nick", "not_exists"), ALL],
		["empty text exists never", attr("nick", "exists"), []],
		["date gt", attr("renewal", "gt", "2025-01-01"), ["ann", "eve"]],
		["date lt", attr("renewal", "lt", "2025-01-01"), ["bob"]],
		["date gte instant", attr("renewal", "gte", "2025-03-01T00:00:00Z"), ["ann", "eve"]],
		["date lte with offset", attr("renewal", "lte", "2024-12-01T11:00:00+01:00"), ["bob"]],
		["dates never match numbers", attr("renewal", "gt", 5), []],
		["lists compare as JSON", attr("list", "eq", '["a","b"]'), ["ann"]],
		[
			"in with the longest list allowed",
			attr("city", "in", [...Array.from({ length: MAX_IN_VALUES - 1 }, (_, i) => `city${i}`), "Paris"]),
			["cy"],
		],
	],
	tags: [
		["tag", one({ tag: "vip" }), ["ann", "eve"]],
		["tags are case-sensitive", one({ tag: "VIP" }), ["dee"]],
		["another tag", one({ tag: "beta" }), ["ann", "bob"]],
		["no tag", { not: { tag: "vip" } }, ["bob", "cy", "dee"]],
	],
	events: [
		["at least once", purchases("gte", 1), ["ann", "bob", "eve"]],
		["never", purchases("eq", 0), ["cy", "dee"]],
		["gte 2", purchases("gte", 2), ["ann", "eve"]],
		["eq 3", purchases("eq", 3), ["eve"]],
		["neq 1", purchases("neq", 1), ["ann", "cy", "dee", "eve"]],
		["lt 2", purchases("lt", 2), ["bob", "cy", "dee"]],
		["lte 1", purchases("lte", 1), ["bob", "cy", "dee"]],
		["gt 2", purchases("gt", 2), ["eve"]],
		["gt 0", purchases("gt", 0), ["ann", "bob", "eve"]],
		["within 7 days", purchases("gte", 1, { within_days: 7 }), ["ann", "eve"]],
		["gte 2 within 30 days", purchases("gte", 2, { within_days: 30 }), ["eve"]],
		["none within 7 days", purchases("eq", 0, { within_days: 7 }), ["bob", "cy", "dee"]],
		["where eq", purchases("gte", 1, { where: [{ property: "sku", op: "eq", value: "A" }] }), ["ann", "bob"]],
		["where gte", purchases("gte", 1, { where: [{ property: "amount", op: "gte", value: 20 }] }), ["ann", "eve"]],
		[
			"where and window",
			purchases("gte", 1, { within_days: 30, where: [{ property: "amount", op: "gte", value: 20 }] }),
			["eve"],
		],
		[
			"two where rules",
			purchases("gte", 1, {
				where: [
					{ property: "sku", op: "eq", value: "A" },
					{ property: "amount", op: "gt", value: 5 },
				],
			}),
			["ann"],
		],
		[
			"where counts only matching events",
			purchases("eq", 3, { where: [{ property: "sku", op: "in", value: ["C"] }] }),
			["eve"],
		],
		["other event", one({ event: "login", count: { op: "gte", value: 1 } }), ["ann", "cy"]],
		["other event windowed", one({ event: "login", count: { op: "gte", value: 1 }, within_days: 30 }), ["ann"]],
	],
	"counted from an event's contacts": [
		["bought and tagged vip", { all: [purchase(1), { tag: "vip" }] }, ["ann", "eve"]],
		[
			"bought within 7 days and not in Berlin",
			{ all: [{ not: { attribute: "city", op: "eq", value: "Berlin" } }, purchase(1, 7)] },
			["eve"],
		],
		["two event rules", { all: [purchase(2), { event: "login", count: { op: "gte", value: 1 } }] }, ["ann"]],
		["an event rule in a nested all", { all: [{ all: [{ tag: "vip" }, purchase(3)] }] }, ["eve"]],
		[
			"never bought, in Paris",
			{
				all: [
					{ event: "purchase", count: { op: "eq", value: 0 } },
					{ attribute: "city", op: "eq", value: "Paris" },
				],
			},
			["cy"],
		],
		["bought or vip", { any: [purchase(1), { tag: "vip" }] }, ["ann", "bob", "eve"]],
		[
			"bought fewer than twice, logged in",
			{
				all: [
					{ event: "purchase", count: { op: "lt", value: 2 } },
					{ event: "login", count: { op: "gte", value: 1 } },
				],
			},
			["cy"],
		],
	],
	engagement: [
		["opened skips machine opens", one({ engagement: "opened" }), ["ann", "eve"]],
		["opened within 30 days", one({ engagement: "opened", within_days: 30 }), ["ann"]],
		["opened a campaign", one({ engagement: "opened", campaign_id: "cmp_2" }), ["eve"]],
		["clicked skips bot clicks", one({ engagement: "clicked" }), ["ann"]],
		["bounced", one({ engagement: "bounced" }), ["cy"]],
		["unsubscribed", one({ engagement: "unsubscribed" }), ["bob"]],
		["received: sent or delivered", one({ engagement: "received" }), ["ann", "bob", "eve"]],
		["received within 7 days", one({ engagement: "received", within_days: 7 }), ["ann", "bob"]],
		["received a campaign", one({ engagement: "received", campaign_id: "cmp_2" }), ["eve"]],
	],
	groups: [
		["empty all is everyone", { all: [] }, ALL],
		["empty any is nobody", { any: [] }, []],
		["not everyone", { not: { all: [] } }, []],
		["not nobody", { not: { any: [] } }, ALL],
		["all with not", { all: [{ tag: "vip" }, { not: { engagement: "opened", within_days: 30 } }] }, ["eve"]],
		[
			"any of all",
			{
				any: [
					{ attribute: "status", op: "eq", value: "bounced" },
					{ all: [{ tag: "beta" }, { not: { attribute: "city", op: "eq", value: "Berlin" } }] },
				],
			},
			["bob", "cy"],
		],
		[
			"deep double negation",
			{
				not: {
					any: [
						{
							not: {
								all: [{ not: { not: { tag: "vip" } } }, { any: [{ attribute: "age", op: "gt", value: 29 }] }],
							},
						},
					],
				},
			},
			["ann", "eve"],
		],
		["eight levels", nest(8, { tag: "vip" }), ["ann", "eve"]],
		["not of a missing value's neq", { not: attr("city", "neq", "Berlin") }, ["ann"]],
		["not of a failed date compare", { not: attr("renewal", "gt", "2000-01-01") }, ["cy", "dee"]],
	],
};

function nest(levels: number, leaf: SegmentRule): SegmentDefinition {
	let node: SegmentDefinition = { all: [leaf] };
	for (let i = 1; i < levels; i++) node = { all: [node] };
	return node;
}

describe.each(Object.entries(cases))("%s", (_group, table) => {
	it.each(table)("%s", async (_name, definition, expected) => {
		expect(validateSegmentDefinition(definition)).toEqual({ ok: true, definition });
		expect(await run(definition)).toEqual(expected);
	});
});

describe("query shape", () => {
	it("binds a 5,000 value list as one parameter", () => {
		const values = Array.from({ length: 5000 }, (_, i) => `v${i}`);
		const { params } = compileSegment(attr("city", "in", values), ctx);
		expect(params).toEqual(['$."city"', JSON.stringify(values)]);
	});

	it("pages with a keyset cursor", async () => {
		const definition: SegmentDefinition = { all: [] };
		const seen: string[] = [];
		let afterId: string | null = null;
		for (let i = 0; i < 5; i++) {
			const query = pageQuery(definition, ctx, { afterId, limit: 2 });
			const { results } = await env.DB.prepare(query.sql)
				.bind(...query.params)
				.all<{ id: string }>();
			if (results.length === 0) break;
			seen.push(...results.map((r) => r.id));
			afterId = results[results.length - 1]?.id ?? null;
		}
		expect(seen).toEqual(ALL.map(id).sort());
	});
});

describe("query plan", () => {
	const planOf = async (definition: SegmentDefinition) => {
		const query = countQuery(definition, ctx);
		const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
			.bind(...query.params)
			.all<{ detail: string }>();
		return results.map((r) => r.detail).join("\n");
	};

	it("reads 'at least once in 30 days' from the contacts' event rollups alone, one row per contact", async () => {
		const plan = await planOf(one(purchase(1, 30)));
		expect(plan).toMatch(/COVERING INDEX event_rollups_contact \(workspace_id=\? AND name=\?\)/);
		expect(plan).not.toContain("CORRELATED");
		expect(plan).not.toContain("TEMP B-TREE");
		// Nothing else to test: the contacts table is not read at all.
		expect(plan).not.toMatch(/\bc\b USING/);
	});

	it("reads a count within a window from the workspace's event index, as one set", async () => {
		const plan = await planOf(one(purchase(2, 30)));
		expect(plan).toContain("events_workspace_name_contact_time");
		expect(plan).not.toContain("CORRELATED");
	});

	it("counts a segment that needs an event from that event's contacts, in contact order, looked up by id", async () => {
		const definition: SegmentDefinition = {
			all: [
				{ any: [attr("city", "eq", "Berlin"), attr("city", "eq", "Paris")] },
				{ not: { attribute: "plan", op: "eq", value: "pro" } },
				purchase(1, 30),
			],
		};
		const plan = await planOf(definition);
		expect(plan).toMatch(
			/COVERING INDEX event_rollups_contact[\s\S]*SEARCH c USING INDEX sqlite_autoindex_contacts_1 \(id=\?\)/,
		);
		expect(plan).not.toContain("contacts_workspace_status");
		expect(plan).not.toContain("TEMP B-TREE");
	});

	it("counts a tag with attribute rules from the tag's contacts, in contact order, looked up by id", async () => {
		const plan = await planOf({ all: [attr("city", "eq", "Berlin"), { tag: "vip" }] } as SegmentDefinition);
		expect(plan).toMatch(
			/COVERING INDEX contact_tags_workspace_tag_contact[\s\S]*SEARCH c USING INDEX sqlite_autoindex_contacts_1 \(id=\?\)/,
		);
		expect(plan).not.toContain("TEMP B-TREE");
	});

	it("counts a lone tag from the tag index alone", async () => {
		const plan = await planOf(one({ tag: "vip" }));
		expect(plan).toContain("COVERING INDEX contact_tags_workspace_tag_contact");
		expect(plan).not.toMatch(/\bc\b USING/);
	});
});

describe("injection", () => {
	it.each<Case>([
		["quote in an eq value", attr("city", "eq", "x' OR '1'='1"), []],
		["quote in a neq value", attr("city", "neq", "x' OR '1'='1"), ALL],
		["comment in a tag", one({ tag: "vip' OR 1=1 --" }), []],
		["json in an in list", attr("city", "in", ['"]) OR 1=1 --', "Paris"]), ["cy"]],
		["quote in an event name", one({ event: "purchase' OR 1=1 --", count: { op: "gte", value: 1 } }), []],
		["quote in a campaign id", one({ engagement: "opened", campaign_id: "x') OR 1=1 --" }), []],
		["contains with LIKE wildcards", attr("city", "contains", "%"), []],
	])("%s is inert", async (_name, definition, expected) => {
		expect(await run(definition)).toEqual(expected);
		expect(compileSegment(definition, ctx).where).not.toContain("1=1");
	});

	it("refuses an attribute name that could break out of the JSON path", () => {
		expect(() => compileSegment(attr('x" OR 1=1 --', "exists"), ctx)).toThrow(/Invalid field name/);
		expect(validateSegmentDefinition(attr('x" OR 1=1 --', "exists")).ok).toBe(false);
	});
});

describe("parameter budget", () => {
	const worstRule = (i: number): SegmentRule => ({ event: `e${i}`, count: { op: "gte", value: 2 }, within_days: 30 });

	it("the worst valid definition (30 three-parameter rules) fits and runs", async () => {
		const definition: SegmentDefinition = { any: Array.from({ length: 30 }, (_, i) => worstRule(i)) };
		expect(validateSegmentDefinition(definition).ok).toBe(true);
		expect(compileSegment(definition, ctx).params).toHaveLength(90);
		expect(await run(definition)).toEqual([]);
	});

	it("an event with 20 where rules fits", async () => {
		const where = Array.from({ length: 20 }, () => ({ property: "amount", op: "gte" as const, value: 1 }));
		const definition: SegmentDefinition = {
			all: [{ event: "purchase", count: { op: "gte", value: 3 }, within_days: 30, where }],
		};
		expect(compileSegment(definition, ctx).params).toHaveLength(43);
		expect(await run(definition)).toEqual(["eve"]);
	});

	it("the deepest valid tree stays within SQLite's expression depth", async () => {
		const where = Array.from({ length: 20 }, () => ({ property: "sku", op: "neq" as const, value: "zzz" }));
		let node: SegmentRule = { event: "purchase", count: { op: "gte", value: 2 }, within_days: 30, where };
		for (let i = 0; i < 7; i++) node = i % 2 ? { not: node } : { any: [node] };
		const definition: SegmentDefinition = { not: node }; // four nots: the event rule decides
		expect(validateSegmentDefinition(definition)).toEqual({ ok: true, definition });
		expect(await run(definition)).toEqual(["eve"]);
	});

	it("200 rules are refused by validation and by the compiler with a typed error", () => {
		const definition: SegmentDefinition = { any: Array.from({ length: 200 }, (_, i) => ({ tag: `t${i}` })) };
		expect(validateSegmentDefinition(definition).ok).toBe(false);
		expect(() => compileSegment(definition, ctx)).toThrow(SegmentTooComplexError);
	});

	it("200 rules that bind nothing still compile within the limit", async () => {
		const definition: SegmentDefinition = {
			all: Array.from({ length: 200 }, () => ({ attribute: "email", op: "exists" as const })),
		};
		expect(compileSegment(definition, ctx).params).toHaveLength(0);
		expect(await run(definition)).toEqual(ALL);
	});
});
