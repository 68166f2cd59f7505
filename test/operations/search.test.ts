import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "../client";

type Hit = { type: string; id: string; name: string; status: string | null; snippet: string };

async function seed(cookie: string, word: string, domain: string) {
	await call("PATCH", "/api/v1/workspace", { default_from_email: `hi@${domain}` }, { cookie });
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: `${word} layout`, subject: `${word} news`, html: "<p>x</p>" },
		{ cookie },
	);
	const campaign = await call(
		"POST",
		"/api/v1/campaigns",
		{ name: `${word} sale`, template_id: template.json.id },
		{ cookie },
	);
	await call("POST", "/api/v1/campaigns", { name: "Autumn sale", template_id: template.json.id }, { cookie });
	await call("POST", "/api/v1/segments", { name: `${word} fans`, definition: { all: [{ tag: "fan" }] } }, { cookie });
	const contact = await call(
		"POST",
		"/api/v1/contacts",
		{ email: `${word.toLowerCase()}@${domain}`, tags: ["fan"] },
		{ cookie },
	);
	await call("POST", "/api/v1/contacts", { email: `other@${domain}`, first_name: word }, { cookie });
	await call(
		"POST",
		"/api/v1/journeys",
		{ name: `${word} welcome`, definition: { entry: { type: "api" }, start: "end", nodes: { end: { type: "exit" } } } },
		{ cookie },
	);
	return { campaignId: campaign.json.id as string, contactId: contact.json.id as string };
}

describe("search", () => {
	let owner: Awaited<ReturnType<typeof signupOwner>>;
	let ours: Awaited<ReturnType<typeof seed>>;
	beforeAll(async () => {
		owner = await signupOwner("Search Co");
		const theirs = await signupOwner("Secret Co");
		ours = await seed(owner.cookie, "Spring", "search.example");
		await seed(theirs.cookie, "Spring", "secret.example");
	});

	it("finds every kind of thing by part of its name, email or subject, only in the caller's workspace", async () => {
		const res = await call("GET", "/api/v1/search?q=sPRING", undefined, { cookie: owner.cookie });
		expect(res.status).toBe(200);
		const hits = res.json.data as Hit[];
		expect(hits.map((h) => `${h.type}:${h.name}`).sort()).toEqual([
			"campaign:Spring sale",
			"contact:other@search.example",
			"contact:spring@search.example",
			"journey:Spring welcome",
			"segment:Spring fans",
			"template:Spring layout",
		]);
		expect(res.text).not.toContain("secret.example");
		expect(hits.find((h) => h.type === "campaign")).toMatchObject({ status: "draft", snippet: "Spring news" });
		expect(res.json.facets).toEqual({
			type: { campaign: 1, journey: 1, template: 1, segment: 1, contact: 2 },
			status: { draft: 2, active: 1, subscribed: 2 },
		});
	});

	it("narrows by type, status and tag, each facet still counting what choosing it would give", async () => {
		const drafts = await call("GET", "/api/v1/search?q=spring&status=draft", undefined, { cookie: owner.cookie });
		expect((drafts.json.data as Hit[]).map((h) => h.type).sort()).toEqual(["campaign", "journey"]);
		expect(drafts.json.facets.type).toEqual({ campaign: 1, journey: 1, template: 0, segment: 0, contact: 0 });
		// The list convention's limit (up to 500) is taken; each type shows at most 50.
		const campaigns = await call("GET", "/api/v1/search?type=campaign&limit=500", undefined, { cookie: owner.cookie });
		expect((campaigns.json.data as Hit[]).map((h) => h.name).sort()).toEqual(["Autumn sale", "Spring sale"]);
		expect(campaigns.json.facets.status).toEqual({ draft: 2 });
		const fans = await call("GET", "/api/v1/search?tag=fan", undefined, { cookie: owner.cookie });
		expect((fans.json.data as Hit[]).map((h) => h.id)).toEqual([ours.contactId]);
		await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "campaigns", action: "tag", ids: [ours.campaignId], params: { tags: ["fan"] } },
			{ cookie: owner.cookie },
		);
		const tagged = await call("GET", "/api/v1/search?tag=fan&type=campaign", undefined, { cookie: owner.cookie });
		expect((tagged.json.data as Hit[]).map((h) => h.id)).toEqual([ours.campaignId]);
	});

	it("narrows by date: only what changed in the last N days, each hit saying when it changed", async () => {
		const autumn = await call("GET", "/api/v1/search?type=campaign&q=autumn", undefined, { cookie: owner.cookie });
		const autumnId = (autumn.json.data as Hit[])[0]?.id;
		await env.DB.prepare("update campaigns set updated_at = ? where id = ?")
			.bind(Date.now() - 40 * 86_400_000, autumnId)
			.run();
		const recent = await call("GET", "/api/v1/search?type=campaign&within_days=30", undefined, {
			cookie: owner.cookie,
		});
		expect((recent.json.data as Hit[]).map((h) => h.name)).toEqual(["Spring sale"]);
		expect(recent.json.facets.type.campaign).toBe(1);
		const older = await call("GET", "/api/v1/search?type=campaign&within_days=60", undefined, { cookie: owner.cookie });
		const dates = (older.json.data as (Hit & { updated_at: string })[]).map((h) => h.updated_at);
		expect(dates).toHaveLength(2);
		expect(Math.min(...dates.map(Date.parse))).toBeLessThan(Date.now() - 39 * 86_400_000);
	});

	it("keeps each member's saved searches to themselves", async () => {
		const editor = await addMember(owner.cookie, "editor");
		const saved = await call(
			"POST",
			"/api/v1/saved-searches",
			{ name: "Spring drafts", query: { q: "spring", status: "draft" } },
			{ cookie: owner.cookie },
		);
		expect(saved.status).toBe(201);
		expect(saved.json).toMatchObject({ name: "Spring drafts", query: { q: "spring", status: "draft" } });
		const mine = await call("GET", "/api/v1/saved-searches", undefined, { cookie: owner.cookie });
		expect(mine.json.data.map((s: { id: string }) => s.id)).toEqual([saved.json.id]);
		expect(mine.json.next_cursor).toBeNull();
		expect((await call("GET", "/api/v1/saved-searches", undefined, { cookie: editor.cookie })).json.data).toEqual([]);
		const path = `/api/v1/saved-searches/${saved.json.id}`;
		expect((await call("DELETE", path, undefined, { cookie: editor.cookie })).status).toBe(404);
		expect((await call("DELETE", path, undefined, { cookie: owner.cookie })).status).toBe(200);
		expect((await call("GET", "/api/v1/saved-searches", undefined, { cookie: owner.cookie })).json.data).toEqual([]);
	});

	it("saves a search given as a query string or beside the name, and names a parameter search does not take", async () => {
		const save = (body: unknown) => call("POST", "/api/v1/saved-searches", body, { cookie: owner.cookie });
		const asString = await save({ name: "Drafts", query: "q=spring&type=campaign" });
		expect(asString.json).toMatchObject({ query: { q: "spring", type: "campaign" } });
		const flat = await save({ name: "Flat", q: "spring", type: "campaign" });
		expect(flat.json).toMatchObject({ query: { q: "spring", type: "campaign" } });
		const unknown = await save({ name: "Bad", query: { q: "x", colour: "red" } });
		expect(unknown.status).toBe(400);
		expect(unknown.error.issues).toEqual([expect.objectContaining({ path: "query.colour" })]);
		const badType = await save({ name: "Bad", query: "type=planet" });
		expect(badType.error.issues).toEqual([expect.objectContaining({ path: "query.type" })]);
		for (const s of [asString, flat])
			await call("DELETE", `/api/v1/saved-searches/${s.json.id}`, undefined, { cookie: owner.cookie });
	});
});
