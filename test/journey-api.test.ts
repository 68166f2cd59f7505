import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { shardName } from "../worker/domain/journeys/shards";
import { runJourneyReconciliation } from "../worker/services/journey-reconcile";
import { journeyCampaignId } from "../worker/services/journey-sends";
import { call } from "./client";
import {
	activeJourney,
	alarmAt,
	clockAll,
	contact,
	DAY,
	deliverEvents,
	enrollmentOf,
	MINUTE,
	shardFor,
	templateIn,
	workspaceWithContacts,
} from "./journey-helpers";

const messagesAt = async (journeyId: string, nodeId: string) => {
	const row = await env.DB.prepare("SELECT count(*) AS n FROM messages WHERE campaign_id = ?")
		.bind(await journeyCampaignId(journeyId, nodeId))
		.first<{ n: number }>();
	return row?.n ?? 0;
};

const seeded = async (cookie: string, journeyId: string) =>
	(await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie })).json.completed === 3;

describe("journeys through the API: enrollment, sends, pause and resume, versions, archive, segment entry", () => {
	it("sends each step once: enrolls by id or email, refuses a second entry, holds while paused, fires the overdue step once on resume", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(2);
		await call(
			"PATCH",
			"/api/v1/workspace",
			{ postal_address: "1 Flow St", default_from_email: "hi@flow.example" },
			{ cookie },
		);
		const [ada, bob] = contactIds as [string, string];
		const templateId = await templateIn(cookie);
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "hello",
			nodes: {
				hello: { type: "send_email", template_id: templateId, next: "wait" },
				wait: { type: "delay", duration: "P1D", next: "again" },
				again: { type: "send_email", template_id: templateId, next: "done" },
				done: { type: "exit" },
			},
		});
		const fresh = await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie });
		// API.md: every step listed from the start, the exit reasons named with zeros.
		expect(fresh.json).toMatchObject({
			entered: 0,
			exited: { goal: 0, unsubscribed: 0, segment_leave: 0 },
			nodes: {
				hello: { waiting: 0, passed: 0, sent: 0, opens: 0, clicks: 0 },
				wait: { waiting: 0, passed: 0 },
				done: { waiting: 0, passed: 0 },
			},
		});
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		const first = await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: ada }, { cookie });
		expect(first.status).toBe(202);
		expect(first.json.enrollment_id).toMatch(/^enr_/);
		const again = await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: ada }, { cookie });
		expect(again.status).toBe(409);
		expect(again.error.message).toContain("already_entered");
		const bobEmail = (await contact(cookie, bob)).email;
		expect((await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { email: bobEmail }, { cookie })).status).toBe(
			202,
		);
		const unknown = await call(
			"POST",
			`/api/v1/journeys/${journeyId}/enroll`,
			{ contact_id: "ctc_nobody" },
			{ cookie },
		);
		expect(unknown.status).toBe(404);
		expect(await messagesAt(journeyId, "hello")).toBe(2);

		expect((await call("POST", `/api/v1/journeys/${journeyId}/pause`, undefined, { cookie })).json.status).toBe(
			"paused",
		);
		const paused = await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: ada }, { cookie });
		expect(paused.status).toBe(409);
		// Paused through the day the delay ends: no alarm, nothing moves.
		await clockAll(journeyId, t0 + 2 * DAY);
		for (const id of [ada, bob]) expect(await alarmAt(journeyId, id, t0 + 2 * DAY)).toBe(false);
		expect(await messagesAt(journeyId, "again")).toBe(0);

		await call("POST", `/api/v1/journeys/${journeyId}/resume`, undefined, { cookie });
		for (const id of [ada, bob]) await alarmAt(journeyId, id, t0 + 3 * DAY);
		for (const id of [ada, bob]) await alarmAt(journeyId, id, t0 + 4 * DAY);
		expect(await messagesAt(journeyId, "again")).toBe(2);
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "completed" });

		const stats = await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie });
		expect(stats.json).toMatchObject({ entered: 2, active: 0, completed: 2, conversion_rate: 0 });
		expect(stats.json.nodes.hello).toMatchObject({ waiting: 0, passed: 2 });
		expect(stats.json.nodes.wait).toMatchObject({ waiting: 0, passed: 2 });

		const list = await call("GET", `/api/v1/journeys/${journeyId}/enrollments?contact_id=${ada}`, undefined, {
			cookie,
		});
		expect(list.json.data).toHaveLength(1);
		expect(list.json.data[0]).toMatchObject({ contact_id: ada, status: "completed", node_id: "done" });
		expect(list.json.data[0].history.map((h: { outcome: string }) => h.outcome)).toEqual([
			"sent",
			"delayed",
			"sent",
			"completed",
		]);
		const page = await call("GET", `/api/v1/journeys/${journeyId}/enrollments?limit=1`, undefined, { cookie });
		expect(page.json.data).toHaveLength(1);
		const rest = await call(
			"GET",
			`/api/v1/journeys/${journeyId}/enrollments?limit=1&cursor=${page.json.next_cursor}`,
			undefined,
			{ cookie },
		);
		expect(rest.json.data[0].id).not.toBe(page.json.data[0].id);

		const mine = await call("GET", `/api/v1/contacts/${ada}/journeys`, undefined, { cookie });
		expect(mine.json.data).toEqual([
			expect.objectContaining({
				journey_id: journeyId,
				enrollments: [expect.objectContaining({ status: "completed" })],
			}),
		]);
		// The contact's timeline shows the enrollment where it ended, with the journey's name.
		const timeline = await call("GET", `/api/v1/contacts/${ada}/timeline?kinds=journey`, undefined, { cookie });
		expect(timeline.json.data).toEqual([
			expect.objectContaining({
				kind: "journey",
				journey_id: journeyId,
				status: "completed",
				journey_name: expect.any(String),
			}),
		]);
		expect(Date.parse(timeline.json.data[0].at)).toBeGreaterThan(Date.parse("2020-01-01"));
	});

	it("moves contacts in flight to a new version at their next step; archive exits everyone still in", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(2);
		const [ada, bob] = contactIds as [string, string];
		const v1 = {
			entry: { type: "api" },
			start: "wait",
			nodes: {
				wait: { type: "delay", duration: "P1D", next: "mark" },
				mark: { type: "update_contact", set_attributes: { version: 1 }, next: "done" },
				done: { type: "exit" },
			},
		};
		const journeyId = await activeJourney(cookie, v1);
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: ada }, { cookie });
		const v2 = {
			...v1,
			nodes: {
				wait: { type: "delay", duration: "P1D", next: "mark2" },
				mark2: { type: "update_contact", set_attributes: { version: 2 }, next: "done" },
				done: { type: "exit" },
			},
		};
		expect((await call("PATCH", `/api/v1/journeys/${journeyId}`, { definition: v2 }, { cookie })).json.version).toBe(2);
		await alarmAt(journeyId, ada, t0 + DAY);
		expect((await contact(cookie, ada)).attributes).toEqual({ version: 2 });
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "completed", version: 2 });

		await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: bob }, { cookie });
		await call("POST", `/api/v1/journeys/${journeyId}/archive`, undefined, { cookie });
		expect(await enrollmentOf(journeyId, bob)).toMatchObject({ status: "exited", exit_reason: "archived" });
	});

	it("a segment entry with include_existing enters its members on activation and later arrivals when they join", async () => {
		const { cookie, workspace, contactIds } = await workspaceWithContacts(3, { tags: ["vip"] });
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "VIPs", definition: { all: [{ tag: "vip" }] } },
			{ cookie },
		);
		const created = await call(
			"POST",
			"/api/v1/journeys",
			{
				name: "VIP welcome",
				definition: {
					entry: { type: "segment", segment_id: segment.json.id, include_existing: true },
					start: "mark",
					nodes: { mark: { type: "update_contact", add_tags: ["welcomed"], next: "done" }, done: { type: "exit" } },
				},
			},
			{ cookie },
		);
		const journeyId = created.json.id as string;
		const activated = await call("POST", `/api/v1/journeys/${journeyId}/activate`, undefined, { cookie });
		expect(activated.json).toEqual({ status: "active", version: 1, entering_now: 3 });
		// Shard 0 hands the members out on its alarm (the runtime may already be running it: then wait for it).
		const shard0 = env.JOURNEY.getByName(shardName(journeyId, 0));
		for (let i = 0; i < 100 && !(await seeded(cookie, journeyId)); i++) {
			await runDurableObjectAlarm(shard0);
			await new Promise((r) => setTimeout(r, 50));
		}
		for (const id of contactIds) expect((await contact(cookie, id)).tags).toEqual(["vip", "welcomed"]);

		const late = await call("POST", "/api/v1/contacts", { email: `late-${Date.now()}@example.com` }, { cookie });
		await deliverEvents([{ type: "journey_contacts", workspace_id: workspace.id, contact_ids: [late.json.id] }]);
		expect(await enrollmentOf(journeyId, late.json.id)).toBeUndefined(); // not in the segment
		await call("PATCH", `/api/v1/contacts/${late.json.id}`, { tags: ["vip"] }, { cookie });
		await deliverEvents([{ type: "journey_contacts", workspace_id: workspace.id, contact_ids: [late.json.id] }]);
		expect((await contact(cookie, late.json.id)).tags).toEqual(["vip", "welcomed"]);
		const stats = await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie });
		expect(stats.json).toMatchObject({ entered: 4, completed: 4 });
	});

	it("a reconciliation pass enters members who joined by a bulk action, notes who left, and lets them back in after exit", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(3);
		const [ada, bob, cyd] = contactIds as [string, string, string];
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "VIPs", definition: { all: [{ tag: "vip" }] } },
			{ cookie },
		);
		const segmentId = segment.json.id as string;
		const journeyId = await activeJourney(cookie, {
			entry: { type: "segment", segment_id: segmentId },
			reentry: { mode: "after_exit" },
			exit: [{ type: "segment_leave", segment_id: segmentId }],
			start: "wait",
			nodes: { wait: { type: "delay", duration: "P1D", next: "done" }, done: { type: "exit" } },
		});
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		// The first pass waits for activation's hand-out (an empty segment) to end.
		const shard0 = env.JOURNEY.getByName(shardName(journeyId, 0));
		for (let i = 0; i < 100 && !(await shard0.reconcile(journeyId)).started; i++) {
			await runDurableObjectAlarm(shard0);
			await new Promise((r) => setTimeout(r, 20));
		}
		const bulk = (action: string, ids: string[]) =>
			call("POST", "/api/v1/bulk", { resource: "contacts", action, ids, params: { tags: ["vip"] } }, { cookie });

		// Tagged in bulk: no contact change reaches the journeys, so only the cron's pass enters them.
		expect((await bulk("tag", [ada, bob])).status).toBe(200);
		expect(await enrollmentOf(journeyId, ada)).toBeUndefined();
		await runJourneyReconciliation(env); // too soon after the last pass: nothing runs
		expect(await enrollmentOf(journeyId, ada)).toBeUndefined();
		await clockAll(journeyId, t0 + 11 * MINUTE);
		await runJourneyReconciliation(env);
		for (const id of [ada, bob])
			expect(await enrollmentOf(journeyId, id)).toMatchObject({ status: "active", node_id: "wait" });
		expect(await enrollmentOf(journeyId, cyd)).toBeUndefined();

		// Untagged in bulk: the next pass sees Ada gone (the journey exits on leaving); tagged again, she re-enters.
		await bulk("untag", [ada]);
		await clockAll(journeyId, t0 + 22 * MINUTE);
		await runJourneyReconciliation(env);
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "exited", exit_reason: "segment_leave" });
		await bulk("tag", [ada]);
		await clockAll(journeyId, t0 + 33 * MINUTE);
		await runJourneyReconciliation(env);
		const adas = await shardFor(journeyId, ada).enrollments({ contactId: ada, afterId: "", limit: 10 });
		expect(adas.map((e) => e.status)).toEqual(["exited", "active"]);
		const stats = await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie });
		expect(stats.json).toMatchObject({ entered: 3, active: 2, exited: { segment_leave: 1 } });
	});

	it("a pass exits contacts who left a journey's exit segment by a bulk action (no change event seen); members stay", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(3, { tags: ["trial"] });
		const [ada, bob, cyd] = contactIds as [string, string, string];
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Trial", definition: { all: [{ tag: "trial" }] } },
			{ cookie },
		);
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			exit: [{ type: "segment_leave", segment_id: segment.json.id }],
			start: "wait",
			nodes: { wait: { type: "delay", duration: "P7D", next: "done" }, done: { type: "exit" } },
		});
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		for (const id of contactIds)
			expect((await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: id }, { cookie })).status).toBe(
				202,
			);
		await runJourneyReconciliation(env); // everyone is still in the segment: nobody leaves
		const untag = (ids: string[]) =>
			call(
				"POST",
				"/api/v1/bulk",
				{ resource: "contacts", action: "untag", ids, params: { tags: ["trial"] } },
				{ cookie },
			);

		// Untagged in bulk: no contact change reaches the journeys...
		expect((await untag([ada, bob])).status).toBe(200);
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "active", node_id: "wait" });
		await runJourneyReconciliation(env); // ...and a pass ran moments ago: not yet
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "active" });
		await clockAll(journeyId, t0 + 11 * MINUTE);
		await runJourneyReconciliation(env);
		for (const id of [ada, bob])
			expect(await enrollmentOf(journeyId, id)).toMatchObject({ status: "exited", exit_reason: "segment_leave" });
		expect(await enrollmentOf(journeyId, cyd)).toMatchObject({ status: "active", node_id: "wait" });
		const stats = await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie });
		expect(stats.json).toMatchObject({ entered: 3, active: 1, exited: { segment_leave: 2 } });
	});
});
