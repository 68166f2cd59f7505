import { abortAllDurableObjects } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
	activeJourney,
	alarmAt,
	contact,
	enrollmentOf,
	HOUR,
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
});
