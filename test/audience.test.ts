import { describe, expect, it } from "vitest";
import { addMember, call, env, signupOwner } from "./client";
import { importCsv } from "./import-helpers";

/** Ten contacts (odd ones in Berlin), one unsubscribed, two addresses on the suppression list, a Berlin segment. */
async function workspaceWithSuppressions() {
	const owner = await signupOwner("Audience Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "3 Count St", default_from_email: "hi@audience.example", default_from_name: "Audience" },
		{ cookie },
	);
	const rows = Array.from({ length: 10 }, (_, i) => `a${i}@audience.example,${i % 2 ? "Berlin" : "Paris"}`);
	await importCsv(cookie, `email,city\n${rows.join("\n")}\n`);
	const a1 = await call("GET", "/api/v1/contacts?q=a1@audience.example", undefined, { cookie });
	await call("PATCH", `/api/v1/contacts/${a1.json.data[0].id}`, { status: "unsubscribed" }, { cookie });
	// Still "subscribed", but their addresses bounced once: a send must skip them.
	for (const email of ["a3@audience.example", "a0@audience.example"]) {
		await env.DB.prepare("INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, 'bounced')")
			.bind(owner.workspace.id, email)
			.run();
	}
	const segment = await call(
		"POST",
		"/api/v1/segments",
		{ name: "Berlin", definition: { all: [{ attribute: "city", op: "eq", value: "Berlin" }] } },
		{ cookie },
	);
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: "T", subject: "Hi", html: "<p>Hello</p>" },
		{ cookie },
	);
	return { ...owner, segmentId: segment.json.id as string, templateId: template.json.id as string };
}

async function sentBy(cookie: string, campaign: { template_id: string; audience: { segment_id: string | null } }) {
	const created = await call("POST", "/api/v1/campaigns", { name: "Count check", ...campaign }, { cookie });
	const id = created.json.id as string;
	await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const stats = await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie });
		if (stats.json.status === "completed") return stats.json.sent as number;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error("the campaign never completed");
}

describe("the audience of a campaign not saved yet", () => {
	it("counts a suppressed contact in total but not in sendable, and sendable is what a send mails", async () => {
		const { cookie, segmentId, templateId } = await workspaceWithSuppressions();
		const all = await call("GET", "/api/v1/audience", undefined, { cookie });
		expect(all.status).toBe(200);
		// 9 subscribed contacts, 2 of them suppressed.
		expect(all.json).toEqual({ total: 9, sendable: 7 });
		const berlin = await call("GET", `/api/v1/audience?segment_id=${segmentId}`, undefined, { cookie });
		// 5 Berliners: one unsubscribed and one suppressed are skipped.
		expect(berlin.json).toEqual({ total: 5, sendable: 3 });

		expect(await sentBy(cookie, { template_id: templateId, audience: { segment_id: segmentId } })).toBe(3);
		expect(await sentBy(cookie, { template_id: templateId, audience: { segment_id: null } })).toBe(7);
	});

	it("agrees with the Send dialog's count once the campaign is saved", async () => {
		const { cookie, segmentId, templateId } = await workspaceWithSuppressions();
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Saved", template_id: templateId, audience: { segment_id: segmentId } },
			{ cookie },
		);
		const saved = await call("GET", `/api/v1/campaigns/${created.json.id}/audience`, undefined, { cookie });
		const unsaved = await call("GET", `/api/v1/audience?segment_id=${segmentId}`, undefined, { cookie });
		expect(saved.json.count).toBe(unsaved.json.sendable);
	});

	it("is readable by a viewer, and only within the workspace", async () => {
		const { cookie, segmentId } = await workspaceWithSuppressions();
		const viewer = await addMember(cookie, "viewer");
		expect((await call("GET", `/api/v1/audience?segment_id=${segmentId}`, undefined, viewer)).json).toEqual({
			total: 5,
			sendable: 3,
		});
		const other = await signupOwner("Elsewhere");
		const foreign = await call("GET", `/api/v1/audience?segment_id=${segmentId}`, undefined, other);
		expect(foreign.status).toBe(404);
		expect(foreign.json.error.code).toBe("not_found");
		expect((await call("GET", "/api/v1/audience?segment_id=seg_nope", undefined, { cookie })).status).toBe(404);
		expect((await call("GET", "/api/v1/audience", undefined, {})).status).toBe(401);
	});

	it("limits each member to 60 live counts a minute, shared by both audience routes, and tells when to retry", async () => {
		const { cookie, templateId } = await workspaceWithSuppressions();
		const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: templateId }, { cookie });
		const asked = [];
		for (let i = 0; i < 30; i++) asked.push(call("GET", "/api/v1/audience", undefined, { cookie }));
		for (let i = 0; i < 30; i++)
			asked.push(call("GET", `/api/v1/campaigns/${campaign.json.id}/audience`, undefined, { cookie }));
		expect((await Promise.all(asked)).map((r) => r.status)).toEqual(Array(60).fill(200));
		const refused = await call("GET", "/api/v1/audience", undefined, { cookie });
		expect(refused.status).toBe(429);
		expect(refused.json.error.code).toBe("rate_limited");
		expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
		// Another member has a budget of their own.
		const viewer = await addMember(cookie, "viewer");
		expect((await call("GET", "/api/v1/audience", undefined, viewer)).status).toBe(200);
	});

	it("names the field when the query is invalid", async () => {
		const { cookie } = await signupOwner("Bad query");
		const res = await call("GET", "/api/v1/audience?segment_id=", undefined, { cookie });
		expect(res.status).toBe(400);
		expect(res.json.error.issues[0].path).toBe("segment_id");
	});

	it("is described in the OpenAPI document", async () => {
		const doc = await call("GET", "/api/openapi.json");
		const operation = doc.json.paths["/api/v1/audience"]?.get;
		expect(operation?.responses?.["200"]).toBeDefined();
		expect(operation.parameters.map((p: { name: string }) => p.name)).toContain("segment_id");
	});
});
