import { describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";
import { importCsv } from "./import-helpers";
import { sentCampaign } from "./tracking-helpers";

describe("GET /api/v1/segments/fields", () => {
	it("offers attributes with their common values, tags, events with property keys, lists, for a viewer too", async () => {
		const { cookie } = await signupOwner("Fields Co");
		await importCsv(
			cookie,
			"email,country,vip,tags\na@f.example,Germany,true,beta\nb@f.example,Germany,false,beta;vip\nc@f.example,France,,\n",
		);
		await call(
			"POST",
			"/api/v1/events",
			{
				batch: [
					{ email: "a@f.example", name: "purchase", properties: { total: 30, sku: "x" } },
					{ email: "b@f.example", name: "signed_up" },
				],
			},
			{ cookie },
		);
		const list = await call("POST", "/api/v1/lists", { name: "Webinar" }, { cookie });
		const [ann] = (await call("GET", "/api/v1/contacts?q=a@f.example", undefined, { cookie })).json.data;
		await call("POST", `/api/v1/lists/${list.json.id}/members`, { contact_ids: [ann.id] }, { cookie });
		const viewer = await addMember(cookie, "viewer");
		const res = await call("GET", "/api/v1/segments/fields", undefined, { cookie: viewer.cookie });
		expect(res.status).toBe(200);
		const country = res.json.attributes.find((a: { key: string }) => a.key === "country");
		expect(country.values).toEqual([
			{ value: "Germany", contacts: 2 },
			{ value: "France", contacts: 1 },
		]);
		const vip = res.json.attributes.find((a: { key: string }) => a.key === "vip");
		expect(vip.values.map((v: { value: unknown }) => v.value).sort()).toEqual([false, true]);
		expect(res.json.tags).toEqual([
			{ tag: "beta", contacts: 2 },
			{ tag: "vip", contacts: 1 },
		]);
		const purchase = res.json.events.find((e: { name: string }) => e.name === "purchase");
		expect(purchase.properties.sort()).toEqual(["sku", "total"]);
		expect(res.json.events.find((e: { name: string }) => e.name === "signed_up").properties).toEqual([]);
		expect(res.json.campaigns).toEqual([]);
		expect(res.json.lists).toEqual([{ id: list.json.id, name: "Webinar", contacts: 1 }]);
	});

	it("lists campaigns that started, never another workspace's", async () => {
		const { campaignId, cookie } = await sentCampaign(1);
		const other = await signupOwner("Other Co");
		const ours = await call("GET", "/api/v1/segments/fields", undefined, { cookie });
		expect(ours.json.campaigns).toEqual([{ id: campaignId, name: "C", status: "completed" }]);
		const theirs = await call("GET", "/api/v1/segments/fields", undefined, { cookie: other.cookie });
		expect(theirs.json).toEqual({ attributes: [], tags: [], events: [], campaigns: [], lists: [] });
	});
});

describe("a preview that matches nobody", () => {
	it("counts each rule of an `all` alone, so the rule that matches nobody can be named", async () => {
		const { cookie } = await signupOwner("Empty Co");
		await importCsv(cookie, "email,country\na@e.example,Germany\nb@e.example,France\n");
		const definition = {
			all: [{ attribute: "country", op: "eq", value: "Germany" }, { tag: "nobody-has-this" }],
		};
		const res = await call("POST", "/api/v1/segments/preview", { definition }, { cookie });
		expect(res.json).toMatchObject({
			count: 0,
			rule_counts: [
				{ path: "all.0", count: 1 },
				{ path: "all.1", count: 0 },
			],
		});
		const some = await call(
			"POST",
			"/api/v1/segments/preview",
			{ definition: { all: [definition.all[0]] } },
			{ cookie },
		);
		expect(some.json.count).toBe(1);
		expect(some.json.rule_counts).toBeUndefined();
	});
});
