import {
	abortAllDurableObjects,
	createExecutionContext,
	createMessageBatch,
	getQueueResult,
	runDurableObjectAlarm,
	runInDurableObject,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { SendsQueueMessage } from "../worker/contracts/queue";
import { JOURNEY_SHARDS, shardName, shardOf } from "../worker/domain/journeys/shards";
import worker from "../worker/index";
import { CaptureProvider } from "../worker/queue/providers/capture";
import type { EmailProvider } from "../worker/queue/providers/provider";
import { handleSendsBatch } from "../worker/queue/sends-consumer";
import { runJourneyReconciliation } from "../worker/services/journey-reconcile";
import { dispatchJourneySends, journeyCampaignId } from "../worker/services/journey-sends";
import { call, ORIGIN } from "./client";
import {
	activeJourney,
	alarmAt,
	contact,
	deliverEvents,
	deliverSends,
	enrollmentOf,
	HOUR,
	journeyEvent,
	MINUTE,
	shardFor,
	templateIn,
	workspaceWithContacts,
} from "./journey-helpers";
import { waitUntil } from "./tracking-helpers";

/*
 * At-least-once execution, exactly-once effects: a queue consumer that crashes part-way through a batch of journey
 * work is handed the batch again, as the queue does; nobody is lost and nobody is mailed twice.
 */

/** A workspace that can send, with subscribed contacts on at least three different journey shards. */
async function sendingContacts() {
	const ws = await workspaceWithContacts(6);
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "1 Crash St", default_from_email: "hi@crash.example" },
		{ cookie: ws.cookie },
	);
	const contactIds = [...ws.contactIds];
	while (new Set(contactIds.map(shardOf)).size < 3) {
		const res = await call(
			"POST",
			"/api/v1/contacts",
			{ email: `x${contactIds.length}@crash.example` },
			{
				cookie: ws.cookie,
			},
		);
		contactIds.push(res.json.id as string);
	}
	return { ...ws, contactIds, templateId: await templateIn(ws.cookie) };
}

/** Who received the node's email, one entry per email in the capture outbox. */
const recipients = async (campaignId: string) =>
	(
		await env.DB.prepare(
			"SELECT m.contact_id AS id FROM outbox_messages o JOIN messages m ON m.id = o.message_id WHERE o.campaign_id = ?",
		)
			.bind(campaignId)
			.all<{ id: string }>()
	).results
		.map((r) => r.id)
		.sort();

/** A real D1 failure for what reads or writes the table while it is renamed. */
const rename = (from: string, to: string) => env.DB.exec(`ALTER TABLE ${from} RENAME TO ${to}`);

const enrollmentsOf = async (journeyId: string, contactId: string) =>
	shardFor(journeyId, contactId).enrollments({ contactId, afterId: "", limit: 10 });

/** The node's chunks still to send (queued or frozen). */
const chunksOf = async (campaignId: string) =>
	(
		await env.DB.prepare("SELECT id FROM chunks WHERE campaign_id = ? ORDER BY id")
			.bind(campaignId)
			.all<{ id: string }>()
	).results.map((r) => r.id);

describe("journey work survives a queue consumer crashing mid-batch", () => {
	it("EVENTS: a batch whose shard calls fail part-way (one after the shard applied it) is redelivered; each contact enters and is mailed once", async () => {
		const ws = await sendingContacts();
		const journeyId = await activeJourney(ws.cookie, {
			entry: { type: "event", event: "signed_up" },
			// Every signed_up event may enter: only the event's key keeps a redelivered batch from entering twice.
			reentry: { mode: "always" },
			start: "hello",
			nodes: {
				hello: { type: "send_email", template_id: ws.templateId, next: "wait" },
				wait: { type: "delay", duration: "P1D", next: "done" },
				done: { type: "exit" },
			},
		});
		const shards = [...new Set(ws.contactIds.map(shardOf))];
		const [appliedShard, downShard] = shards.map((n) => shardName(journeyId, n));
		// The platform fails two shard calls of the batch: one answer is lost after the shard applied its part, one shard
		// cannot be reached at all; the other shards take their part. The consumer throws, as it would in production.
		const journeys = {
			getByName(name: string) {
				const stub = env.JOURNEY.getByName(name);
				if (name === downShard)
					return { receive: async () => Promise.reject(new Error("Durable Object is overloaded.")) };
				if (name === appliedShard)
					return {
						receive: async (...args: Parameters<typeof stub.receive>) => {
							await stub.receive(...args);
							throw new Error("Network connection lost.");
						},
					};
				return stub;
			},
		};
		const bodies = ws.contactIds.map((id) => journeyEvent(ws.workspace.id, id, "signed_up"));
		const batch = createMessageBatch(
			"pulse-events",
			bodies.map((body, i) => ({ id: `crash-${i}`, timestamp: new Date(), attempts: 1, body })),
		);
		const ctx = createExecutionContext();
		await expect(worker.queue(batch, { ...env, JOURNEY: journeys } as unknown as Env, ctx)).rejects.toThrow(
			/overloaded|connection lost/,
		);
		const crashed = await getQueueResult(batch, ctx);
		// Nothing was acknowledged: the queue hands the whole batch back.
		expect(crashed.explicitAcks).toEqual([]);
		expect(crashed.ackAll).toBe(false);
		const onShard = (name: string | undefined) =>
			ws.contactIds.filter((id) => shardName(journeyId, shardOf(id)) === name);
		for (const id of onShard(appliedShard)) expect(await enrollmentsOf(journeyId, id)).toHaveLength(1);
		for (const id of onShard(downShard)) expect(await enrollmentsOf(journeyId, id)).toHaveLength(0);
		// The healthy shards took their part before the consumer gave the batch back.
		for (const id of ws.contactIds.filter((id) => !onShard(appliedShard).concat(onShard(downShard)).includes(id)))
			expect(await enrollmentsOf(journeyId, id)).toHaveLength(1);

		await abortAllDurableObjects(); // and every shard is evicted before the batch comes back
		const redelivered = await deliverEvents(bodies, 2);
		expect(redelivered.explicitAcks).toHaveLength(bodies.length);
		await deliverEvents(bodies, 3); // and once more, late: still nothing new

		for (const id of ws.contactIds) {
			const list = await enrollmentsOf(journeyId, id);
			expect(list, id).toHaveLength(1);
			expect(list[0]).toMatchObject({ status: "active", node_id: "wait" });
		}
		let entered = 0;
		for (let n = 0; n < JOURNEY_SHARDS; n++)
			entered += (await env.JOURNEY.getByName(shardName(journeyId, n)).counters()).entered ?? 0;
		expect(entered).toBe(ws.contactIds.length);

		const campaignId = await journeyCampaignId(journeyId, "hello");
		await deliverSends(ws.workspace.id, campaignId, await chunksOf(campaignId));
		const everyone = [...ws.contactIds].sort();
		// Shards hand their chunks to the SENDS queue too (the local one delivers them): still one email each.
		await waitUntil("every email sent", async () => (await recipients(campaignId)).length >= everyone.length);
		expect(await recipients(campaignId)).toEqual(everyone);
	});

	it("SENDS: a batch of journey chunks whose worker dies after the provider accepted one is redelivered; each contact is mailed once", async () => {
		const ws = await sendingContacts();
		// The SENDS queue as a list: the test delivers each message itself.
		const queued: SendsQueueMessage[] = [];
		const sends = { sendBatch: async (b: { body: SendsQueueMessage }[]) => void queued.push(...b.map((m) => m.body)) };
		const quietEnv = { ...env, SENDS: sends as unknown as Queue } as Env;
		const journeyId = `jny_crash${Date.now()}`;
		// Each shard dispatches its own contacts' emails: one chunk per shard.
		const byShard = new Map<number, string[]>();
		for (const id of ws.contactIds) byShard.set(shardOf(id), [...(byShard.get(shardOf(id)) ?? []), id]);
		for (const contactIds of byShard.values())
			await dispatchJourneySends(
				quietEnv,
				contactIds.map((contactId) => ({
					key: `enr_${contactId}:hello:1`,
					workspaceId: ws.workspace.id,
					journeyId,
					nodeId: "hello",
					templateId: ws.templateId,
					contactId,
					transactional: false,
					baseUrl: ORIGIN,
				})),
			);
		const messages = queued.splice(0);
		expect(messages.length).toBe(byShard.size);
		const campaignId = await journeyCampaignId(journeyId, "hello");

		// The worker dies right after the provider accepted the second chunk it sends: nothing of it is recorded.
		const capture = new CaptureProvider(env.DB);
		let calls = 0;
		const dying: EmailProvider = {
			name: "capture",
			async sendBatch(emails, key) {
				const result = await capture.sendBatch(emails, key);
				if (++calls === 2) throw new Error("worker crashed after the provider accepted");
				return result;
			},
		};
		const batch = createMessageBatch<SendsQueueMessage>(
			"pulse-sends",
			messages.map((body, i) => ({ id: `send-${i}`, timestamp: new Date(), attempts: 1, body })),
		);
		const ctx = createExecutionContext();
		await expect(handleSendsBatch(batch, { env, provider: dying, requestsPerSecond: null })).rejects.toThrow(/crashed/);
		const crashed = await getQueueResult(batch, ctx);
		const acked = new Set(crashed.explicitAcks);
		const back = messages.filter((_, i) => !acked.has(`send-${i}`));
		expect(back.length).toBeGreaterThan(0);
		// The crashed chunk's emails did reach the provider; its chunk is not recorded as sent.
		expect((await recipients(campaignId)).length).toBeGreaterThan(0);

		// The queue brings back what was not acknowledged (and whatever it is asked to retry), through the real consumer.
		let pending = back.map((m) => m.chunk_id);
		for (let attempt = 2; pending.length > 0 && attempt <= 6; attempt++) {
			const result = await deliverSends(ws.workspace.id, campaignId, pending);
			pending = result.retryMessages.map((r: { msgId: string }) => pending[Number(r.msgId.slice(1))] ?? "");
		}
		expect(pending).toEqual([]);
		// A late redelivery of the whole batch sends nothing more.
		await deliverSends(
			ws.workspace.id,
			campaignId,
			messages.map((m) => m.chunk_id),
		);
		expect(await recipients(campaignId)).toEqual([...ws.contactIds].sort());
		const statuses = await env.DB.prepare(
			"SELECT status, count(*) AS n FROM messages WHERE campaign_id = ? GROUP BY status",
		)
			.bind(campaignId)
			.all();
		expect(statuses.results).toEqual([{ status: "sent", n: ws.contactIds.length }]);
	});

	it("a shard whose D1 write fails after a contact entered, and again in its alarm, still takes the contact's next step and lists the journey on the contact once D1 is back", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(1);
		const contactId = contactIds[0] as string;
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "wait",
			nodes: {
				wait: { type: "delay", duration: "PT1H", next: "tag" },
				tag: { type: "update_contact", add_tags: ["followed_up"], next: "done" },
				done: { type: "exit" },
			},
		});
		const t0 = Date.now();
		await shardFor(journeyId, contactId).setClockForTest(t0);
		// A real D1 failure: the table of which journeys a contact is in cannot be written for a while.
		await rename("journey_enrollments_index", "journey_enrollments_index_down");
		try {
			// The entry itself was stored before the failure: the contact is in (202 with its enrollment, not a 500 that
			// would have the caller enroll again) and waits at the delay.
			const res = await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: contactId }, { cookie });
			expect(res.status).toBe(202);
			expect(await enrollmentOf(journeyId, contactId)).toMatchObject({
				id: res.json.enrollment_id,
				status: "active",
				node_id: "wait",
			});
			// Its alarm is set all the same; when it rings (D1 still failing) the contact takes the step...
			expect(await alarmAt(journeyId, contactId, t0 + HOUR)).toBe(true);
			expect((await contact(cookie, contactId)).tags).toEqual(["followed_up"]);
		} finally {
			await rename("journey_enrollments_index_down", "journey_enrollments_index");
		}
		// ...and the shard keeps trying what it still owes D1: the contact's page lists the journey, completed.
		expect(await alarmAt(journeyId, contactId, t0 + HOUR + MINUTE)).toBe(true);
		expect(await enrollmentOf(journeyId, contactId)).toMatchObject({ status: "completed" });
		const journeys = await call("GET", `/api/v1/contacts/${contactId}/journeys`, undefined, { cookie });
		expect(journeys.json.data).toMatchObject([{ journey_id: journeyId, enrollments: [{ status: "completed" }] }]);
	});

	it("a reconciliation pass whose D1 read fails carries on from the shard's alarm at once: the contact who left the exit segment exits", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(1, { tags: ["trial"] });
		const ada = contactIds[0] as string;
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
		const shard = shardFor(journeyId, ada);
		await shard.setClockForTest(Date.now());
		await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: ada }, { cookie });
		await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "untag", ids: [ada], params: { tags: ["trial"] } },
			{ cookie },
		);

		await rename("segments", "segments_down");
		try {
			await runJourneyReconciliation(env); // the pass starts, and fails reading the segment (the cron logs it)
		} finally {
			await rename("segments_down", "segments");
		}
		// No later cron call would start it again while it is under way: the shard's alarm is due now (or within its
		// 30-second retry), not at Ada's next step in 7 days.
		const alarm = await runInDurableObject(shard, (_: unknown, state: DurableObjectState) => state.storage.getAlarm());
		if (alarm !== null) {
			expect(alarm).toBeLessThan(Date.now() + 31_000);
			await runDurableObjectAlarm(shard);
		}
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "exited", exit_reason: "segment_leave" });
	});
});
