import { abortAllDurableObjects } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { JourneyStats } from "../worker/contracts/journey-engine";
import type { JourneyLiveMessage } from "../worker/contracts/journey-live";
import { ORIGIN, signupOwner } from "./client";
import {
	activeJourney,
	alarmAt,
	contact,
	enrollmentOf,
	HOUR,
	MINUTE,
	shardFor,
	workspaceWithContacts,
} from "./journey-helpers";

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
});

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
