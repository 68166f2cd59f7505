import { describe, expect, it } from "vitest";
import { MAX_RULES } from "../../contracts/segments";
import { parseIsoDate } from "./iso-date";
import { validateSegmentDefinition } from "./validate";

const nest = (depth: number): unknown => (depth === 0 ? { tag: "vip" } : { all: [nest(depth - 1)] });

describe("validateSegmentDefinition: valid trees", () => {
	it.each<[string, unknown]>([
		["everyone", { all: [] }],
		["nobody", { any: [] }],
		["not", { not: { tag: "vip" } }],
		[
			"every attribute op",
			{
				all: [
					{ attribute: "country", op: "eq", value: "DE" },
					{ attribute: "age", op: "neq", value: 3 },
					{ attribute: "vip", op: "eq", value: true },
					{ attribute: "plan", op: "in", value: ["pro", 2, false] },
					{ attribute: "city", op: "contains", value: "ber" },
					{ attribute: "city", op: "starts_with", value: "B" },
					{ attribute: "score", op: "gt", value: 1.5 },
					{ attribute: "renewal", op: "gte", value: "2024-05-01" },
					{ attribute: "renewal", op: "lt", value: "2024-05-01T10:00:00.250+02:00" },
					{ attribute: "renewal", op: "lte", value: "2024-05-01T10:00Z" },
					{ attribute: "_x-1", op: "exists" },
					{ attribute: "company", op: "not_exists" },
				],
			},
		],
		[
			"built-ins",
			{
				any: [
					{ attribute: "email", op: "eq", value: "A@B.C" },
					{ attribute: "status", op: "in", value: ["subscribed", "bounced"] },
					{ attribute: "created_at", op: "gte", value: "2024-01-01" },
					{ attribute: "created_at", op: "lt", value: 1_700_000_000_000 },
					{ attribute: "created_at", op: "eq", value: 1_700_000_000_000 },
					{ attribute: "first_name", op: "starts_with", value: "an" },
					{ attribute: "locale", op: "exists" },
				],
			},
		],
		[
			"event",
			{
				all: [
					{
						event: "purchase",
						count: { op: "gte", value: 1 },
						within_days: 30,
						where: [{ property: "sku", op: "eq", value: "A" }],
					},
					{ event: "login", count: { op: "eq", value: 0 } },
				],
			},
		],
		[
			"engagement",
			{
				any: [
					{ engagement: "opened", within_days: 7 },
					{ engagement: "received", campaign_id: "cmp_1" },
				],
			},
		],
		["max depth", nest(8)],
	])("%s", (_name, input) => {
		const result = validateSegmentDefinition(input);
		expect(result).toEqual({ ok: true, definition: input });
	});

	it("accepts exactly MAX_RULES rules", () => {
		const input = { any: Array.from({ length: MAX_RULES }, (_, i) => ({ tag: `t${i}` })) };
		expect(validateSegmentDefinition(input).ok).toBe(true);
	});
});

describe("validateSegmentDefinition: errors", () => {
	const ops = "eq, neq, in, contains, starts_with, gt, gte, lt, lte, exists, not_exists";
	const kinds = "all, any, not, attribute, tag, list, event, engagement";
	it.each<[string, unknown, { path: string; message: string }[]]>([
		["root not an object", "everyone", [{ path: "", message: "Expected a rule object, got string" }]],
		[
			"root is a leaf",
			{ tag: "vip" },
			[{ path: "", message: 'The root must be a group: {"all": [...]}, {"any": [...]} or {"not": rule}' }],
		],
		[
			"unknown operator",
			{ all: [{ tag: "a" }, { attribute: "x", op: "equals", value: 1 }] },
			[{ path: "all.1.op", message: `Unknown operator "equals"; use one of ${ops}` }],
		],
		[
			"unknown rule",
			{ any: [{ attr: "x" }] },
			[{ path: "any.0", message: `Unknown rule; a rule has one of ${kinds} (found "attr")` }],
		],
		[
			"two kinds",
			{ all: [{ tag: "a", event: "b" }] },
			[{ path: "all.0", message: `A rule has exactly one of ${kinds}; found tag, event` }],
		],
		["rule not an object", { all: [[]] }, [{ path: "all.0", message: "Expected a rule object, got a list" }]],
		["group not a list", { any: { tag: "a" } }, [{ path: "any", message: '"any" needs a list of rules, got object' }]],
		[
			"empty in",
			{ all: [{ tag: "a" }, { tag: "b" }, { attribute: "plan", op: "in", value: [] }] },
			[{ path: "all.2.value", message: '"in" needs a non-empty list, got a list' }],
		],
		[
			"in not a list",
			{ all: [{ attribute: "plan", op: "in", value: "pro" }] },
			[{ path: "all.0.value", message: '"in" needs a non-empty list, got string' }],
		],
		[
			"bad in item",
			{ all: [{ attribute: "plan", op: "in", value: ["a", null] }] },
			[{ path: "all.0.value.1", message: '"in" needs a text (up to 1000 characters), number or boolean, got null' }],
		],
		[
			"bad attribute name",
			{ all: [{ attribute: "first name", op: "exists" }] },
			[
				{
					path: "all.0.attribute",
					message:
						'"first name" is not a valid attribute name; use a built-in (email, first_name, last_name, status, created_at, timezone, locale) or a custom name of letters, digits, _ or - (up to 64), starting with a letter or _',
				},
			],
		],
		[
			"injection in attribute name",
			{ all: [{ attribute: `x") OR 1=1 --`, op: "exists" }] },
			[expect.objectContaining({ path: "all.0.attribute" })],
		],
		[
			"extra key on a leaf",
			{ all: [{ attribute: "x", op: "eq", value: 1, valu: 2 }] },
			[{ path: "all.0.valu", message: 'Unknown key "valu" in an attribute rule; allowed: attribute, op, value' }],
		],
		[
			"extra key on a group",
			{ all: [], name: "x" },
			[{ path: "name", message: 'Unknown key "name" in a "all" group; allowed: all' }],
		],
		[
			"extra key on count",
			{ all: [{ event: "a", count: { op: "gte", value: 1, min: 2 } }] },
			[{ path: "all.0.count.min", message: 'Unknown key "min" in count; allowed: op, value' }],
		],
		[
			"missing value",
			{ all: [{ attribute: "x", op: "eq" }] },
			[{ path: "all.0.value", message: '"eq" needs a value' }],
		],
		[
			"value on exists",
			{ all: [{ attribute: "x", op: "exists", value: 1 }] },
			[{ path: "all.0.value", message: '"exists" takes no value' }],
		],
		[
			"object value",
			{ all: [{ attribute: "x", op: "eq", value: { a: 1 } }] },
			[{ path: "all.0.value", message: '"eq" needs a text (up to 1000 characters), number or boolean, got object' }],
		],
		[
			"gt with text",
			{ all: [{ attribute: "score", op: "gt", value: "high" }] },
			[
				{
					path: "all.0.value",
					message: '"gt" needs a number or an ISO date (2024-05-01, 2024-05-01T10:00:00Z), got "high"',
				},
			],
		],
		[
			"gt with an impossible date",
			{ all: [{ attribute: "d", op: "lt", value: "2024-02-30" }] },
			[
				{
					path: "all.0.value",
					message: '"lt" needs a number or an ISO date (2024-05-01, 2024-05-01T10:00:00Z), got "2024-02-30"',
				},
			],
		],
		[
			"contains with a number",
			{ all: [{ attribute: "city", op: "contains", value: 3 }] },
			[{ path: "all.0.value", message: '"contains" needs a non-empty text of at most 1000 characters, got number' }],
		],
		[
			"contains with empty text",
			{ all: [{ attribute: "city", op: "starts_with", value: "" }] },
			[{ path: "all.0.value", message: '"starts_with" needs a non-empty text of at most 1000 characters, got string' }],
		],
		[
			"unknown status",
			{ all: [{ attribute: "status", op: "eq", value: "active" }] },
			[
				{
					path: "all.0.value",
					message: 'Unknown status "active"; use one of subscribed, unsubscribed, bounced, complained',
				},
			],
		],
		[
			"unknown status in a list",
			{ all: [{ attribute: "status", op: "in", value: ["subscribed", "gone"] }] },
			[
				{
					path: "all.0.value.1",
					message: 'Unknown status "gone"; use one of subscribed, unsubscribed, bounced, complained',
				},
			],
		],
		[
			"contains on status",
			{ all: [{ attribute: "status", op: "contains", value: "sub" }] },
			[{ path: "all.0.op", message: '"contains" does not apply to "status"; use eq, neq or in' }],
		],
		[
			"gt on a text built-in",
			{ all: [{ attribute: "last_name", op: "gt", value: 3 }] },
			[
				{
					path: "all.0.op",
					message:
						'"gt" does not apply to the text attribute "last_name"; use eq, neq, in, contains, starts_with, exists or not_exists',
				},
			],
		],
		[
			"number for a text built-in",
			{ all: [{ attribute: "first_name", op: "eq", value: 5 }] },
			[
				{
					path: "all.0.value",
					message: '"first_name" is text; compare it with a text of at most 1000 characters, got number',
				},
			],
		],
		[
			"created_at with text",
			{ all: [{ attribute: "created_at", op: "eq", value: "yesterday" }] },
			[
				{
					path: "all.0.value",
					message:
						'"created_at" is a date, so "eq" needs a number or an ISO date (2024-05-01, 2024-05-01T10:00:00Z), got "yesterday"',
				},
			],
		],
		[
			"within_days out of range",
			{ all: [{ engagement: "opened", within_days: 0 }] },
			[{ path: "all.0.within_days", message: "within_days must be a whole number of days from 1 to 3650" }],
		],
		[
			"within_days not whole",
			{ all: [{ event: "a", count: { op: "gte", value: 1 }, within_days: 1.5 }] },
			[{ path: "all.0.within_days", message: "within_days must be a whole number of days from 1 to 3650" }],
		],
		[
			"count missing",
			{ all: [{ event: "a" }] },
			[{ path: "all.0.count", message: '"count" is required, like {"op": "gte", "value": 1}; got undefined' }],
		],
		[
			"count op",
			{ all: [{ event: "a", count: { op: "in", value: 1 } }] },
			[{ path: "all.0.count.op", message: 'Unknown count operator "in"; use one of eq, neq, gt, gte, lt, lte' }],
		],
		[
			"count value",
			{ all: [{ event: "a", count: { op: "gte", value: -1 } }] },
			[{ path: "all.0.count.value", message: "A count is a whole number, 0 or more" }],
		],
		[
			"bad where rule",
			{ all: [{ event: "a", count: { op: "gte", value: 1 }, where: [{ property: "sku", op: "like", value: "x" }] }] },
			[{ path: "all.0.where.0.op", message: `Unknown operator "like"; use one of ${ops}` }],
		],
		[
			"where not a list",
			{ all: [{ event: "a", count: { op: "gte", value: 1 }, where: { sku: "x" } }] },
			[{ path: "all.0.where", message: '"where" needs a list of property rules, got object' }],
		],
		[
			"unknown engagement",
			{ any: [{ engagement: "forwarded" }] },
			[
				{
					path: "any.0.engagement",
					message: 'Unknown engagement "forwarded"; use one of opened, clicked, bounced, unsubscribed, received',
				},
			],
		],
		[
			"empty tag",
			{ any: [{ tag: "" }] },
			[{ path: "any.0.tag", message: "A tag is a non-empty text of at most 100 characters" }],
		],
		[
			"too deep",
			nest(9),
			[
				{
					path: "all.0.all.0.all.0.all.0.all.0.all.0.all.0.all.0",
					message: "Groups are nested too deeply; at most 8 levels of all/any/not",
				},
			],
		],
		[
			"too many rules",
			{ all: [{ any: Array.from({ length: MAX_RULES }, () => ({ tag: "a" })) }] },
			[
				{
					path: "",
					message: `Too many rules (${MAX_RULES + 1}); a segment has at most ${MAX_RULES}, counting nested and where rules`,
				},
			],
		],
		[
			"where rules count",
			{
				all: [
					{
						event: "a",
						count: { op: "gte", value: 1 },
						where: Array.from({ length: 20 }, () => ({ property: "p", op: "exists" })),
					},
					...Array.from({ length: 10 }, () => ({ tag: "a" })),
				],
			},
			[
				{
					path: "",
					message: `Too many rules (31); a segment has at most ${MAX_RULES}, counting nested and where rules`,
				},
			],
		],
		[
			"an in list over 500 values",
			{ all: [{ attribute: "code", op: "in", value: Array.from({ length: 501 }, (_, i) => i) }] },
			[{ path: "all.0.value", message: '"in" takes at most 500 values, got 501' }],
		],
		[
			"a definition over 32 KB",
			{ any: Array.from({ length: 40 }, (_, i) => ({ attribute: "note", op: "eq", value: `${i}${"x".repeat(999)}` })) },
			[{ path: "", message: "The definition is 41 KB; a segment takes at most 32 KB as JSON" }],
		],
		[
			"several issues at once",
			{ any: [{ attribute: "x", op: "gt" }, { tag: 5 }, { not: { foo: 1 } }] },
			[
				{ path: "any.0.value", message: '"gt" needs a value' },
				{ path: "any.1.tag", message: "A tag is a non-empty text of at most 100 characters" },
				{ path: "any.2.not", message: `Unknown rule; a rule has one of ${kinds} (found "foo")` },
			],
		],
	])("%s", (_name, input, issues) => {
		expect(validateSegmentDefinition(input)).toEqual({ ok: false, issues });
	});
});

describe("parseIsoDate", () => {
	it.each<[string, number | null]>([
		["2024-05-01", Date.UTC(2024, 4, 1)],
		["2024-05-01T10:00", Date.UTC(2024, 4, 1, 10)],
		["2024-05-01T10:00:00.25Z", Date.UTC(2024, 4, 1, 10, 0, 0, 250)],
		["2024-05-01T10:00:00+02:00", Date.UTC(2024, 4, 1, 8)],
		["2024-05-01T10:00:00-01:30", Date.UTC(2024, 4, 1, 11, 30)],
		["0050-01-01", new Date("0050-01-01T00:00:00Z").getTime()],
		["2024-02-30", null],
		["2024-13-01", null],
		["2024-05-01 10:00", null],
		["now", null],
		["1714557600000", null],
	])("%s", (text, ms) => {
		expect(parseIsoDate(text)).toBe(ms);
	});
});
