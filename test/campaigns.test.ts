import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signupOwner } from "./client";
import { importCsv } from "./import-helpers";

async function workspaceWithList(size: number) {
	const owner = await signupOwner("Capture Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "2 Capture Rd", default_from_email: "hi@capture.example", default_from_name: "Capture" },
		{ cookie },
	);
	const rows = Array.from({ length: size }, (_, i) => `c${i}@capture.example,${i % 2 ? "Berlin" : "Paris"}`);
	await importCsv(cookie, `email,city\n${rows.join("\n")}\n`);
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: "T", subject: "News for {{ contact.attributes.city }}", html: "<p>Hello</p>" },
		{ cookie },
	);
	return { ...owner, templateId: template.json.id as string };
}

async function waitForStatus(cookie: string, id: string, status: string) {
	for (let i = 0; i < 300; i++) {
		const res = await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie });
		if (res.json.status === status) return res.json;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`campaign never became ${status}`);
}

describe("campaigns", () => {
	it("creates a draft with the workspace's default sender and edits it", async () => {
		const { cookie, templateId } = await workspaceWithList(0);
		const created = await call("POST", "/api/v1/campaigns", { name: "Spring", template_id: templateId }, { cookie });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			status: "draft",
			from_email: "hi@capture.example",
			from_name: "Capture",
			audience: { segment_id: null },
			settings: { track_opens: true, track_clicks: true },
		});
		const patched = await call(
			"PATCH",
			`/api/v1/campaigns/${created.json.id}`,
			{ name: "Summer", settings: { track_opens: false, track_clicks: true } },
			{ cookie },
		);
		expect(patched.json).toMatchObject({ name: "Summer", settings: { track_opens: false } });
	});

	it("refuses another workspace's template or segment, naming the field", async () => {
		const mine = await workspaceWithList(0);
		const other = await workspaceWithList(0);
		const res = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "x", template_id: other.templateId },
			{ cookie: mine.cookie },
		);
		expect(res.status).toBe(400);
		expect(res.error.issues[0].path).toBe("template_id");
		const seg = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "x", template_id: mine.templateId, audience: { segment_id: "seg_nope" } },
			{ cookie: mine.cookie },
		);
		expect(seg.error.issues[0].path).toBe("audience.segment_id");
	});

	it("sends a segment into the capture outbox, and cannot be edited once sending", async () => {
		const { cookie, templateId } = await workspaceWithList(30);
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Berlin", definition: { all: [{ attribute: "city", op: "eq", value: "Berlin" }] } },
			{ cookie },
		);
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Berlin news", template_id: templateId, audience: { segment_id: segment.json.id } },
			{ cookie },
		);
		const id = created.json.id;
		const sent = await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		expect(sent.status).toBe(202);
		expect((await call("PATCH", `/api/v1/campaigns/${id}`, { name: "late" }, { cookie })).status).toBe(409);
		const stats = await waitForStatus(cookie, id, "completed");
		expect(stats).toMatchObject({ audience: 15, sent: 15, failed: 0, suppressed: 0 });
		const outbox = await call("GET", `/api/v1/outbox?campaign_id=${id}&limit=100`, undefined, { cookie });
		expect(outbox.json.data).toHaveLength(15);
		expect(outbox.json.data[0].subject).toBe("News for Berlin");
		expect(outbox.json.data[0].headers["List-Unsubscribe"]).toMatch(/^<http:\/\/pulse\.test\/u\//);
		const list = await call("GET", "/api/v1/campaigns", undefined, { cookie });
		expect(list.json.data[0]).toMatchObject({ id, status: "completed", progress: { audience: 15, processed: 15 } });
		expect((await call("DELETE", `/api/v1/campaigns/${id}`, undefined, { cookie })).status).toBe(409);
	});

	it("tells the Send dialog exactly how many recipients a send will mail, suppressions left out", async () => {
		const { cookie, templateId, workspace } = await workspaceWithList(10);
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Berlin", definition: { all: [{ attribute: "city", op: "eq", value: "Berlin" }] } },
			{ cookie },
		);
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Berlin news", template_id: templateId, audience: { segment_id: segment.json.id } },
			{ cookie },
		);
		const id = created.json.id;
		const audience = () => call("GET", `/api/v1/campaigns/${id}/audience`, undefined, { cookie });
		expect((await audience()).json).toEqual({ count: 5 });
		// One Berlin contact unsubscribes, another's address is on the suppression list (still "subscribed").
		const c1 = await call("GET", "/api/v1/contacts?q=c1@capture.example", undefined, { cookie });
		await call("PATCH", `/api/v1/contacts/${c1.json.data[0].id}`, { status: "unsubscribed" }, { cookie });
		await env.DB.prepare("INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, 'bounced')")
			.bind(workspace.id, "c3@capture.example")
			.run();
		expect((await audience()).json).toEqual({ count: 3 });
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const stats = await waitForStatus(cookie, id, "completed");
		expect(stats.sent).toBe(3);
		const other = await signupOwner("Elsewhere");
		expect((await call("GET", `/api/v1/campaigns/${id}/audience`, undefined, { cookie: other.cookie })).status).toBe(
			404,
		);
	});

	it("starts a scheduled campaign at its time", async () => {
		const { cookie, templateId } = await workspaceWithList(5);
		const sendAt = new Date(Date.now() + 1500).toISOString();
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Later", template_id: templateId, schedule: { send_at: sendAt } },
			{ cookie },
		);
		expect(created.json).toMatchObject({ status: "scheduled", schedule: { send_at: sendAt } });
		const stats = await waitForStatus(cookie, created.json.id, "completed");
		expect(stats.sent).toBe(5);
	});

	it("refuses a send time in the past, and sending without a postal address", async () => {
		const { cookie, templateId } = await workspaceWithList(1);
		const c = await call("POST", "/api/v1/campaigns", { name: "x", template_id: templateId }, { cookie });
		const past = await call(
			"POST",
			`/api/v1/campaigns/${c.json.id}/schedule`,
			{ send_at: "2020-01-01T00:00:00Z" },
			{ cookie },
		);
		expect(past.status).toBe(409);
		await call("PATCH", "/api/v1/workspace", { postal_address: "" }, { cookie });
		const noAddress = await call("POST", `/api/v1/campaigns/${c.json.id}/send`, undefined, { cookie });
		expect(noAddress.status).toBe(422);
		expect(noAddress.error.issues[0].path).toBe("postal_address");
	});

	it("cancels a scheduled campaign so it never sends, and deletes it", async () => {
		const { cookie, templateId } = await workspaceWithList(3);
		const c = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "x", template_id: templateId, schedule: { send_at: new Date(Date.now() + 1000).toISOString() } },
			{ cookie },
		);
		expect((await call("POST", `/api/v1/campaigns/${c.json.id}/cancel`, undefined, { cookie })).json.status).toBe(
			"cancelled",
		);
		await new Promise((r) => setTimeout(r, 1500));
		const stats = await call("GET", `/api/v1/campaigns/${c.json.id}/stats`, undefined, { cookie });
		expect(stats.json).toMatchObject({ status: "cancelled", sent: 0, audience: 0 });
		expect((await call("DELETE", `/api/v1/campaigns/${c.json.id}`, undefined, { cookie })).status).toBe(200);
	});
});
