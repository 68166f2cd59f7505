import { describe, expect, it } from "vitest";
import { call, signupOwner } from "../client";

async function workspace() {
	const owner = await signupOwner("Clone Co");
	const { cookie } = owner;
	await call("PATCH", "/api/v1/workspace", { default_from_email: "hi@clone.example" }, { cookie });
	for (const email of ["vip@clone.example", "plain@clone.example"])
		await call("POST", "/api/v1/contacts", { email, tags: email.startsWith("vip") ? ["vip"] : [] }, { cookie });
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: "Spring", subject: "Spring news", html: "<p>Hello spring</p>", category: "newsletter" },
		{ cookie },
	);
	const segment = await call(
		"POST",
		"/api/v1/segments",
		{ name: "VIPs", definition: { all: [{ tag: "vip" }] } },
		{ cookie },
	);
	const campaign = await call(
		"POST",
		"/api/v1/campaigns",
		{ name: "Spring sale", template_id: template.json.id, audience: { segment_id: segment.json.id } },
		{ cookie },
	);
	return { cookie, template: template.json, segment: segment.json, campaign: campaign.json };
}

describe("cloning", () => {
	it("copies a campaign with the parts chosen: without the audience the copy goes to every contact", async () => {
		const w = await workspace();
		const { cookie } = w;
		const full = await call("POST", `/api/v1/campaigns/${w.campaign.id}/clone`, {}, { cookie });
		expect(full.status).toBe(201);
		expect(full.json).toMatchObject({
			name: "Copy of Spring sale",
			status: "draft",
			audience: { segment_id: w.segment.id },
			from_email: "hi@clone.example",
		});
		// Its own copy of the email: editing it leaves the original's template alone.
		expect(full.json.template_id).not.toBe(w.template.id);
		const copy = await call("GET", `/api/v1/templates/${full.json.template_id}`, undefined, { cookie });
		expect(copy.json).toMatchObject({ subject: "Spring news", html: w.template.html, category: "newsletter" });
		expect((await call("GET", `/api/v1/campaigns/${full.json.id}/audience`, undefined, { cookie })).json.count).toBe(1);

		const contentOnly = await call(
			"POST",
			`/api/v1/campaigns/${w.campaign.id}/clone`,
			{ name: "Autumn sale", include: ["content"] },
			{ cookie },
		);
		expect(contentOnly.json).toMatchObject({ name: "Autumn sale", audience: { segment_id: null } });
		const audience = await call("GET", `/api/v1/campaigns/${contentOnly.json.id}/audience`, undefined, { cookie });
		expect(audience.json.count).toBe(2);

		const audienceOnly = await call(
			"POST",
			`/api/v1/campaigns/${w.campaign.id}/clone`,
			{ include: ["audience"] },
			{ cookie },
		);
		expect(audienceOnly.json).toMatchObject({ template_id: "", audience: { segment_id: w.segment.id } });
		const log = await call("GET", "/api/v1/audit-log", undefined, { cookie });
		const clones = log.json.data.filter((e: { action: string }) => e.action === "campaign.cloned");
		expect(clones).toHaveLength(3);
		expect(clones[0].metadata).toMatchObject({ from: w.campaign.id, include: ["audience"] });
	});

	it("copies an A/B test's variants and settings with the content (new variant ids), not without it", async () => {
		const w = await workspace();
		const abTest = { test_percent: 20, metric: "opens", duration: "PT4H", auto_send_winner: false };
		const variants = [
			{ name: "Plain", subject: "Spring news" },
			{ name: "Bold", subject: "SPRING IS HERE", from_name: "Clone Team" },
		];
		const ab = await call(
			"PATCH",
			`/api/v1/campaigns/${w.campaign.id}`,
			{ variants, ab_test: abTest },
			{ cookie: w.cookie },
		);
		expect(ab.status).toBe(200);
		const copy = await call("POST", `/api/v1/campaigns/${w.campaign.id}/clone`, {}, { cookie: w.cookie });
		expect(copy.json).toMatchObject({ ab_test: abTest, variants: variants.map((v) => expect.objectContaining(v)) });
		const originalIds = ab.json.variants.map((v: { id: string }) => v.id);
		for (const v of copy.json.variants) expect(originalIds).not.toContain(v.id);
		const plain = await call(
			"POST",
			`/api/v1/campaigns/${w.campaign.id}/clone`,
			{ include: ["audience"] },
			{ cookie: w.cookie },
		);
		expect(plain.json.variants).toBeUndefined();
	});

	it("keeps a future send date on the copy only when the schedule is included", async () => {
		const w = await workspace();
		const sendAt = new Date(Date.now() + 86_400_000).toISOString();
		await call("PATCH", "/api/v1/workspace", { postal_address: "1 Clone St" }, { cookie: w.cookie });
		const scheduled = await call(
			"POST",
			`/api/v1/campaigns/${w.campaign.id}/schedule`,
			{ send_at: sendAt },
			{ cookie: w.cookie },
		);
		expect(scheduled.status).toBe(200);
		const withDate = await call("POST", `/api/v1/campaigns/${w.campaign.id}/clone`, {}, { cookie: w.cookie });
		expect(withDate.json).toMatchObject({ status: "draft", schedule: { send_at: sendAt } });
		const without = await call(
			"POST",
			`/api/v1/campaigns/${w.campaign.id}/clone`,
			{ include: ["content", "audience"] },
			{ cookie: w.cookie },
		);
		expect(without.json.schedule).toBeNull();
	});

	it("copies templates, segments and journeys, and saves a campaign's email as a template", async () => {
		const w = await workspace();
		const { cookie } = w;
		const template = await call("POST", `/api/v1/templates/${w.template.id}/clone`, {}, { cookie });
		expect(template.status).toBe(201);
		expect(template.json).toMatchObject({ name: "Copy of Spring", subject: "Spring news", archived: false });
		const segment = await call("POST", `/api/v1/segments/${w.segment.id}/clone`, { name: "VIPs 2" }, { cookie });
		expect(segment.json).toMatchObject({ name: "VIPs 2", definition: { all: [{ tag: "vip" }] }, count: 1 });
		const journey = await call(
			"POST",
			"/api/v1/journeys",
			{ name: "Welcome", definition: { entry: { type: "api" }, start: "end", nodes: { end: { type: "exit" } } } },
			{ cookie },
		);
		const journeyCopy = await call("POST", `/api/v1/journeys/${journey.json.id}/clone`, {}, { cookie });
		expect(journeyCopy.json).toMatchObject({ name: "Copy of Welcome", status: "draft", version: 1 });
		expect(journeyCopy.json.definition).toEqual(journey.json.definition);
		const saved = await call(
			"POST",
			`/api/v1/campaigns/${w.campaign.id}/save-as-template`,
			{ name: "Sale layout", category: "promo" },
			{ cookie },
		);
		expect(saved.json).toMatchObject({ name: "Sale layout", category: "promo", html: w.template.html });
		const promos = await call("GET", "/api/v1/templates?category=promo", undefined, { cookie });
		expect(promos.json.data.map((t: { id: string }) => t.id)).toEqual([saved.json.id]);
	});

	it("keeps archived templates out of the library until asked for", async () => {
		const w = await workspace();
		const { cookie } = w;
		const archived = await call("PATCH", `/api/v1/templates/${w.template.id}`, { archived: true }, { cookie });
		expect(archived.json.archived).toBe(true);
		expect((await call("GET", "/api/v1/templates", undefined, { cookie })).json.data).toEqual([]);
		const shelf = await call("GET", "/api/v1/templates?archived=true", undefined, { cookie });
		expect(shelf.json.data.map((t: { id: string }) => t.id)).toEqual([w.template.id]);
		const tpl = { subject: "S", html: "<p>x</p>" };
		await call("POST", "/api/v1/templates", { ...tpl, name: "A", category: "promo" }, { cookie });
		await call("POST", "/api/v1/templates", { ...tpl, name: "B", category: "promo" }, { cookie });
		const shelves = await call("GET", "/api/v1/templates/categories", undefined, { cookie });
		expect(shelves.json.data).toEqual([
			{ category: "newsletter", templates: 0, archived: 1 },
			{ category: "promo", templates: 2, archived: 0 },
		]);
		const other = await signupOwner("Shelfless");
		const theirs = await call("GET", "/api/v1/templates/categories", undefined, { cookie: other.cookie });
		expect(theirs.json.data).toEqual([]);
	});

	it("does not copy another workspace's campaign, template, segment or journey", async () => {
		const w = await workspace();
		const other = await signupOwner("Other");
		for (const path of [
			`/api/v1/campaigns/${w.campaign.id}/clone`,
			`/api/v1/templates/${w.template.id}/clone`,
			`/api/v1/segments/${w.segment.id}/clone`,
		])
			expect((await call("POST", path, {}, { cookie: other.cookie })).status, path).toBe(404);
	});
});
