import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runJourneyReconciliation } from "../worker/services/journey-reconcile";
import { addMember, call, signupOwner } from "./client";
import { activeJourney, clockAll, enrollmentOf, MINUTE, workspaceWithContacts } from "./journey-helpers";

async function templateOf(cookie: string) {
	const res = await call(
		"POST",
		"/api/v1/templates",
		{ name: "Welcome", subject: "Hi", html: "<p>Hi</p>" },
		{ cookie },
	);
	return res.json.id as string;
}

const welcome = (templateId: string) => ({
	entry: { type: "event", event: "signed_up" },
	reentry: { mode: "once" },
	start: "hello",
	nodes: {
		hello: { type: "send_email", template_id: templateId, next: "wait" },
		wait: { type: "delay", duration: "P3D", next: "done" },
		done: { type: "exit" },
	},
});

describe("journeys: drafts, validation, versions and lifecycle", () => {
	it("saves an incomplete draft with its issues, refuses to activate it (422 naming step and field), then runs", async () => {
		const { cookie } = await signupOwner();
		const templateId = await templateOf(cookie);
		const broken = welcome("tpl_missing");
		broken.nodes.wait = { type: "delay", duration: "P3D", next: "gone" };
		const created = await call("POST", "/api/v1/journeys", { name: "Welcome", definition: broken }, { cookie });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ status: "draft", version: 1, transactional: false });
		// The missing step also leaves "done" unreachable and no path ending in an exit.
		expect(created.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
			"nodes.done",
			"nodes.hello",
			"nodes.hello.template_id",
			"nodes.wait",
			"nodes.wait.next",
		]);
		const id = created.json.id as string;

		const refused = await call("POST", `/api/v1/journeys/${id}/activate`, undefined, { cookie });
		expect(refused.status).toBe(422);
		expect(refused.json.error.issues).toContainEqual({
			path: "nodes.wait.next",
			message: 'No step "gone" in this journey',
		});

		const fixed = await call("PATCH", `/api/v1/journeys/${id}`, { definition: welcome(templateId) }, { cookie });
		expect(fixed.json).toMatchObject({ status: "draft", version: 1, issues: [] });
		const active = await call("POST", `/api/v1/journeys/${id}/activate`, undefined, { cookie });
		expect(active.json).toEqual({ status: "active", version: 1 });
		expect((await call("POST", `/api/v1/journeys/${id}/activate`, undefined, { cookie })).status).toBe(409);

		// A running journey's new definition must be valid, and is a new version.
		const invalid = welcome(templateId);
		invalid.nodes.done = { type: "delay", duration: "PT1H", next: "hello" } as never;
		const badEdit = await call("PATCH", `/api/v1/journeys/${id}`, { definition: invalid }, { cookie });
		expect(badEdit.status).toBe(422);
		const shorter = welcome(templateId);
		shorter.nodes.wait = { type: "delay", duration: "P1D", next: "done" };
		const edited = await call("PATCH", `/api/v1/journeys/${id}`, { definition: shorter }, { cookie });
		expect(edited.json).toMatchObject({ status: "active", version: 2 });

		expect((await call("POST", `/api/v1/journeys/${id}/pause`, undefined, { cookie })).json.status).toBe("paused");
		expect((await call("POST", `/api/v1/journeys/${id}/resume`, undefined, { cookie })).json.status).toBe("active");
		expect((await call("DELETE", `/api/v1/journeys/${id}`, undefined, { cookie })).status).toBe(409);
		expect((await call("POST", `/api/v1/journeys/${id}/archive`, undefined, { cookie })).json.status).toBe("archived");
		expect((await call("POST", `/api/v1/journeys/${id}/resume`, undefined, { cookie })).status).toBe(409);
		expect((await call("PATCH", `/api/v1/journeys/${id}`, { name: "x" }, { cookie })).status).toBe(409);
		expect((await call("DELETE", `/api/v1/journeys/${id}`, undefined, { cookie })).status).toBe(200);
		expect((await call("GET", `/api/v1/journeys/${id}`, undefined, { cookie })).status).toBe(404);
	});

	it("refuses a malformed definition with the field at fault, lets viewers read only, and keeps workspaces apart", async () => {
		const { cookie } = await signupOwner();
		const templateId = await templateOf(cookie);
		const bad = await call(
			"POST",
			"/api/v1/journeys",
			{ name: "J", definition: { ...welcome(templateId), nodes: { hello: { type: "send_sms" } } } },
			{ cookie },
		);
		expect(bad.status).toBe(400);
		expect(bad.json.error.issues[0].path).toMatch(/^definition\.nodes\.hello/);

		const created = await call("POST", "/api/v1/journeys", { name: "J", definition: welcome(templateId) }, { cookie });
		const id = created.json.id as string;
		const viewer = await addMember(cookie, "viewer");
		const list = await call("GET", "/api/v1/journeys", undefined, { cookie: viewer.cookie });
		expect(list.json.data.map((j: { id: string }) => j.id)).toEqual([id]);
		expect((await call("POST", `/api/v1/journeys/${id}/activate`, undefined, { cookie: viewer.cookie })).status).toBe(
			403,
		);
		const other = await signupOwner("Other");
		expect((await call("GET", `/api/v1/journeys/${id}`, undefined, { cookie: other.cookie })).status).toBe(404);
		expect((await call("GET", "/api/v1/journeys", undefined, { cookie: other.cookie })).json.data).toEqual([]);
	});

	it("a contact still on an older version exits when it leaves that version's exit segment, though the new version has none", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(2, { tags: ["trial"] });
		const [ada, bob] = contactIds as [string, string];
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Trial", definition: { all: [{ tag: "trial" }] } },
			{ cookie },
		);
		const v1 = {
			entry: { type: "api" },
			exit: [{ type: "segment_leave", segment_id: segment.json.id }],
			start: "wait",
			nodes: { wait: { type: "delay", duration: "P7D", next: "done" }, done: { type: "exit" } },
		};
		const journeyId = await activeJourney(cookie, v1);
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		const enroll = (id: string) => call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: id }, { cookie });
		expect((await enroll(ada)).status).toBe(202);
		// Version 2 exits on nothing: Ada stays on version 1 (and its exit) until her next step in 7 days; Bob enters on 2.
		const v2 = { ...v1, exit: [] };
		expect((await call("PATCH", `/api/v1/journeys/${journeyId}`, { definition: v2 }, { cookie })).json.version).toBe(2);
		expect((await enroll(bob)).status).toBe(202);

		// Both leave the segment by a path that tells no journey; the cron's next pass catches Ada's leaving only.
		await env.DB.prepare("DELETE FROM contact_tags WHERE tag = 'trial' AND contact_id IN (?, ?)").bind(ada, bob).run();
		await clockAll(journeyId, t0 + 11 * MINUTE);
		await runJourneyReconciliation(env);
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({
			version: 1,
			status: "exited",
			exit_reason: "segment_leave",
		});
		expect(await enrollmentOf(journeyId, bob)).toMatchObject({ version: 2, status: "active", node_id: "wait" });
	});

	it("lists a journey's enrollments page by page across its shards, each once, oldest first", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(5);
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "wait",
			nodes: { wait: { type: "delay", duration: "P1D", next: "done" }, done: { type: "exit" } },
		});
		const enrolled: string[] = [];
		for (const id of contactIds) {
			const res = await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: id }, { cookie });
			enrolled.push(res.json.enrollment_id as string);
		}
		const pages: { id: string; contact_id: string }[][] = [];
		let cursor: string | null = "";
		while (cursor !== null && pages.length < 5) {
			const query: string = cursor ? `limit=2&cursor=${cursor}` : "limit=2";
			const page = await call("GET", `/api/v1/journeys/${journeyId}/enrollments?${query}`, undefined, { cookie });
			expect(page.status).toBe(200);
			pages.push(page.json.data);
			cursor = page.json.next_cursor;
		}
		expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
		const listed = pages.flat().map((e) => e.id);
		expect(listed).toEqual([...enrolled].sort());
		expect(new Set(pages.flat().map((e) => e.contact_id))).toEqual(new Set(contactIds));
	});
});
