import { abortAllDurableObjects } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { JourneyStats } from "../worker/contracts/journey-engine";
import type { JourneyLiveMessage } from "../worker/contracts/journey-live";
import { journeyCampaignId } from "../worker/services/journey-sends";
import { call, ORIGIN, signupOwner } from "./client";
import {
	activeJourney,
	alarmAt,
	contact,
	deliverSends,
	enrollmentOf,
	HOUR,
	MINUTE,
	shardFor,
	workspaceWithContacts,
} from "./journey-helpers";
import { hit } from "./tracking-helpers";

const steps = (e: { history: { node_id: string; outcome: string }[] } | undefined) =>
	e?.history.map((h) => `${h.node_id}:${h.outcome}`);

describe("journey shards: delays on a controllable clock, contact updates, eviction", () => {
	it("tags the contact at once, waits four hours to the second, then updates it and completes", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(1);
		const contactId = contactIds[0] as string;
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "tag",
			nodes: {
				tag: { type: "update_contact", add_tags: ["welcomed"], next: "wait" },
				wait: { type: "delay", duration: "PT4H", next: "mark" },
				mark: { type: "update_contact", set_attributes: { stage: "onboarded" }, next: "done" },
				done: { type: "exit" },
			},
		});
		const t0 = Date.now();
		const shard = shardFor(journeyId, contactId);
		expect(await shard.setClockForTest(t0)).toEqual({ ok: true });
		const [entered] = await shard.enroll(journeyId, [{ contactId }]);
		expect(entered).toMatchObject({ ok: true });
		expect((await contact(cookie, contactId)).tags).toEqual(["welcomed"]);

		await alarmAt(journeyId, contactId, t0); // arrives at the delay
		expect(await enrollmentOf(journeyId, contactId)).toMatchObject({ status: "active", node_id: "wait" });
		await abortAllDurableObjects(); // evicted: the enrollment and the alarm survive in storage
		expect(await alarmAt(journeyId, contactId, t0 + 4 * HOUR - 1000)).toBe(true);
		expect((await enrollmentOf(journeyId, contactId))?.node_id).toBe("wait");
		expect((await contact(cookie, contactId)).attributes).toEqual({});

		await alarmAt(journeyId, contactId, t0 + 4 * HOUR);
		const done = await enrollmentOf(journeyId, contactId);
		expect(done).toMatchObject({ status: "completed", node_id: "done" });
		expect(steps(done)).toEqual(["tag:updated", "wait:delayed", "mark:updated", "done:completed"]);
		expect((await contact(cookie, contactId)).attributes).toEqual({ stage: "onboarded" });

		const counts = await shardFor(journeyId, contactId).counters();
		expect(counts.entered).toBe(1);
		expect(counts.completed).toBe(1);
		expect(counts["passed:wait"]).toBe(1);
		expect(counts["waiting:wait"]).toBe(0);
	});

	it("pushes the live page a snapshot, then the new counts when a contact enters and advances", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(1);
		const contactId = contactIds[0] as string;
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "wait",
			nodes: { wait: { type: "delay", duration: "PT10M", next: "done" }, done: { type: "exit" } },
		});
		const live = await connectLive(cookie, journeyId);
		expect(live.status).toBe(101);
		const snapshot = await live.next((m) => m.type === "snapshot");
		expect(snapshot.stats).toMatchObject({ entered: 0, active: 0, completed: 0 });

		const t0 = Date.now();
		const shard = shardFor(journeyId, contactId);
		await shard.setClockForTest(t0);
		await shard.enroll(journeyId, [{ contactId }]);
		const waiting = await live.next((m) => m.type === "stats" && m.stats.nodes.wait?.waiting === 1);
		expect(waiting.stats).toMatchObject({ entered: 1, active: 1, completed: 0 });

		await alarmAt(journeyId, contactId, t0 + 10 * MINUTE);
		const done = await live.next((m) => m.type === "stats" && m.stats.completed === 1);
		expect(done.stats.nodes.wait).toMatchObject({ waiting: 0, passed: 1 });
		expect(done.stats).toMatchObject({ entered: 1, active: 0 });
		live.close();

		// Another workspace's member cannot watch it; a plain GET is refused.
		const stranger = await signupOwner("Other");
		expect((await connectLive(stranger.cookie, journeyId)).status).toBe(404);
		const plain = await exports.default.fetch(`${ORIGIN}/api/v1/journeys/${journeyId}/live`, { headers: { cookie } });
		expect(plain.status).toBe(400);
	});

	it("shows a journey email's open and then its click on the live page as they are tracked", async () => {
		const { cookie, contactIds, workspace } = await workspaceWithContacts(1);
		const contactId = contactIds[0] as string;
		await call(
			"PATCH",
			"/api/v1/workspace",
			{ postal_address: "1 Live St", default_from_email: "hi@live.example" },
			{ cookie },
		);
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "Hello", subject: "Hello", html: '<p>Hi</p><a href="https://live.example/start">Start</a>' },
			{ cookie },
		);
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "hello",
			nodes: { hello: { type: "send_email", template_id: template.json.id, next: "done" }, done: { type: "exit" } },
		});
		const live = await connectLive(cookie, journeyId);
		await live.next((m) => m.type === "snapshot");

		await shardFor(journeyId, contactId).enroll(journeyId, [{ contactId }]);
		const campaignId = await journeyCampaignId(journeyId, "hello");
		const html = await sendJourneyChunks(workspace.id as string, campaignId);
		// As if sent an hour ago: an open right after delivery is (rightly) taken for a machine's.
		await env.DB.prepare("UPDATE messages SET sent_at = sent_at - 3600000 WHERE campaign_id = ?")
			.bind(campaignId)
			.run();

		await hit(trackingPath(html, "o"));
		const opened = await live.next((m) => m.type === "stats" && m.stats.nodes.hello?.opens === 1);
		expect(opened.stats.nodes.hello).toMatchObject({ sent: 1, opens: 1, clicks: 0 });
		expect((await hit(trackingPath(html, "c"))).status).toBe(302);
		const clicked = await live.next((m) => m.type === "stats" && m.stats.nodes.hello?.clicks === 1);
		expect(clicked.stats.nodes.hello).toMatchObject({ sent: 1, opens: 1, clicks: 1 });
		live.close();
	});
});

/** The email's open pixel or first link (relative: a journey without a public origin). */
const trackingPath = (html: string, kind: "o" | "c") => new RegExp(`(/t/${kind}/[\\w-]+)`).exec(html)?.[1] ?? "";

/** Sends the campaign's queued chunks now (the SENDS consumer, as the queue would deliver them); answers the email's HTML. */
async function sendJourneyChunks(workspaceId: string, campaignId: string) {
	const chunks = await env.DB.prepare(
		"SELECT DISTINCT chunk_id FROM messages WHERE campaign_id = ? AND chunk_id IS NOT NULL",
	)
		.bind(campaignId)
		.all<{ chunk_id: string }>();
	await deliverSends(
		workspaceId,
		campaignId,
		chunks.results.map((c) => c.chunk_id),
	);
	const sent = await env.DB.prepare("SELECT html FROM outbox_messages WHERE campaign_id = ?")
		.bind(campaignId)
		.first<{ html: string }>();
	return sent?.html ?? "";
}

/** Opens a journey's live socket as the dashboard does; `next` waits (without sleeping the clock) for a message. */
async function connectLive(cookie: string, journeyId: string) {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/journeys/${journeyId}/live`, {
		headers: { upgrade: "websocket", cookie, origin: ORIGIN },
	});
	const messages: JourneyLiveMessage[] = [];
	const waiters: (() => void)[] = [];
	const socket = res.webSocket;
	socket?.accept();
	socket?.addEventListener("message", (event) => {
		const text = String(event.data);
		if (text !== "pong") messages.push(JSON.parse(text) as JourneyLiveMessage);
		for (const wake of waiters.splice(0)) wake();
	});
	const next = async (match: (m: JourneyLiveMessage) => boolean): Promise<{ stats: JourneyStats }> => {
		const deadline = Date.now() + 10_000;
		for (;;) {
			const found = messages.find(match);
			if (found) return found;
			if (Date.now() > deadline) throw new Error(`no such live message in ${JSON.stringify(messages)}`);
			await new Promise<void>((wake) => {
				waiters.push(wake);
				setTimeout(wake, 500);
			});
		}
	};
	return { status: res.status, next, close: () => socket?.close() };
}
