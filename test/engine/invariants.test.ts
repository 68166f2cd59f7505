import { abortAllDurableObjects, createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { SendsQueueMessage } from "../../worker/contracts/queue";
import { handleQueueBatch } from "../../worker/queue/consumers";
import type { EmailProvider } from "../../worker/queue/providers/provider";
import { ResendProvider } from "../../worker/queue/providers/resend";
import { handleSendsBatch, sendChunk } from "../../worker/queue/sends-consumer";
import { call } from "../client";
import {
	chunkReadyToSend,
	createCampaign,
	fake,
	sendingWorkspace,
	stats,
	waitFor,
	waitForStatus,
} from "./engine-helpers";

const provider = () => new ResendProvider("re_test_engine", env.FAKE_RESEND_URL, 1000);

/** Chunks of the campaign that could still reach the provider (queued or frozen, plus `also`). */
async function chunksLeftToSend(campaignId: string, also: string[] = []) {
	const row = await env.DB.prepare(
		"SELECT count(*) AS n FROM chunks WHERE campaign_id = ? AND status IN (SELECT value FROM json_each(?))",
	)
		.bind(campaignId, JSON.stringify(["queued", "frozen", ...also]))
		.first<{ n: number }>();
	return row?.n ?? 0;
}

/** Hands SENDS messages to the real consumer as one batch and answers what it told the queue (acks, retries). */
async function deliver(messages: SendsQueueMessage[], attempts: number) {
	const batch = createMessageBatch<SendsQueueMessage>(
		"pulse-sends",
		messages.map((body, i) => ({ id: `delivery-${attempts}-${i}`, timestamp: new Date(), attempts, body })),
	);
	const ctx = createExecutionContext();
	await handleQueueBatch(batch, env, ctx);
	return getQueueResult(batch, ctx);
}

/** Every recipient received exactly once: as many emails as distinct addresses as the audience. */
async function expectEachReceivedOnce(expected: number) {
	const received = await fake.received();
	const to = received.emails.map((e) => e.to[0]);
	expect(new Set(to).size).toBe(expected);
	expect(to).toHaveLength(expected);
	// A retry that changed a single byte would have been refused as invalid_idempotent_request.
	expect(received.requests.filter((r) => r.error?.includes("invalid_idempotent_request"))).toEqual([]);
	return received;
}

describe("campaign invariants", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	it("never sends twice or skips anyone when 20% of provider calls fail in every way", async () => {
		const { cookie, templateId } = await sendingWorkspace(2000);
		await fake.faults({ rate: 0.2, kinds: ["429", "500", "timeout_after_accept", "409_concurrent", "slow"], seed: 11 });
		const id = await createCampaign(cookie, templateId);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed", 110_000);
		expect(final).toMatchObject({ audience: 2000, sent: 2000, failed: 0, queued: 0 });
		const received = await expectEachReceivedOnce(2000);
		const faulted = received.requests.filter((r) => r.fault);
		expect(faulted.length).toBeGreaterThan(0);
		// Every retry of a chunk carried the same key: 20 chunks, 20 keys among accepted requests.
		const keys = new Set(received.emails.map((e) => e.idempotencyKey));
		expect(keys.size).toBe(20);
	});

	it("never sends a chunk twice when the queue delivers it twice, at once or after it was sent", async () => {
		const { cookie, templateId } = await sendingWorkspace(80);
		const { chunkId, message } = await chunkReadyToSend(cookie, templateId, 80);
		// Two deliveries of the same chunk in one batch race each other to the provider...
		let result = await deliver([message, message], 1);
		// ...and whatever the queue is asked to retry comes back, as the queue would bring it back.
		for (let attempt = 2; result.retryMessages.length > 0 && attempt <= 5; attempt++) {
			result = await deliver(
				result.retryMessages.map(() => message),
				attempt,
			);
		}
		expect(result.retryMessages).toEqual([]);
		// Once settled, a late redelivery changes nothing.
		const late = await deliver([message], 1);
		expect(late.explicitAcks).toHaveLength(1);
		await expectEachReceivedOnce(80);
		const log = await env.DB.prepare("SELECT status, count(*) AS n FROM messages WHERE chunk_id = ? GROUP BY status")
			.bind(chunkId)
			.all();
		expect(log.results).toEqual([{ status: "sent", n: 80 }]);
	});

	it("never sends twice when the consumer crashes after the provider accepted", async () => {
		const { cookie, templateId } = await sendingWorkspace(80);
		const { chunkId, message } = await chunkReadyToSend(cookie, templateId, 80);
		const crashing: EmailProvider = {
			name: "resend",
			async sendBatch(emails, key) {
				const result = await provider().sendBatch(emails, key);
				if (result.ok) throw new Error("worker crashed after the provider accepted");
				return result;
			},
		};
		await expect(sendChunk({ env, provider: crashing, requestsPerSecond: null }, message, 1)).rejects.toThrow(
			/crashed/,
		);
		expect(await sendChunk({ env, provider: provider(), requestsPerSecond: null }, message, 2)).toEqual({ ack: true });
		const received = await expectEachReceivedOnce(80);
		expect(received.requests.filter((r) => r.status === 200)).toHaveLength(2);
		const log = await env.DB.prepare("SELECT status, count(*) AS n FROM messages WHERE chunk_id = ? GROUP BY status")
			.bind(chunkId)
			.all();
		expect(log.results).toEqual([{ status: "sent", n: 80 }]);
	});

	it("resumes where it stopped when its Durable Object is evicted mid-fan-out", async () => {
		const { cookie, templateId } = await sendingWorkspace(600, 100);
		const id = await createCampaign(cookie, templateId);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		await waitFor("a few chunks", async () => (await stats(cookie, id)).sent >= 100);
		await abortAllDurableObjects();
		const before = (await stats(cookie, id)).sent;
		await waitFor("the fan-out to carry on", async () => (await stats(cookie, id)).sent > before);
		await abortAllDurableObjects();
		// A command wakes the evicted object; its alarm carries on from the stored cursor.
		const final = await waitForStatus(cookie, id, "completed", 60_000);
		expect(final).toMatchObject({ audience: 600, sent: 600 });
		await expectEachReceivedOnce(600);
	});

	it("keeps out a contact who unsubscribed before their chunk's first attempt", async () => {
		const { cookie, templateId } = await sendingWorkspace(100);
		const { chunkId, message } = await chunkReadyToSend(cookie, templateId, 100);
		const late = (await call("GET", "/api/v1/contacts?q=r00042", undefined, { cookie })).json.data[0];
		await call("PATCH", `/api/v1/contacts/${late.id}`, { status: "unsubscribed" }, { cookie });
		await sendChunk({ env, provider: provider(), requestsPerSecond: null }, message, 1);
		const received = await expectEachReceivedOnce(99);
		expect(received.emails.some((e) => e.to[0] === "r00042@engine.example")).toBe(false);
		const row = await env.DB.prepare("SELECT status FROM messages WHERE chunk_id = ? AND contact_id = ?")
			.bind(chunkId, late.id)
			.first();
		expect(row).toEqual({ status: "suppressed" });
	});

	it("leaves suppressed contacts of a segment out of the send, counted as suppressed", async () => {
		const { cookie, templateId } = await sendingWorkspace(50);
		const gone = (await call("GET", "/api/v1/contacts?q=r00003", undefined, { cookie })).json.data[0];
		await call("PATCH", `/api/v1/contacts/${gone.id}`, { status: "bounced" }, { cookie });
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "All", definition: { all: [{ attribute: "email", op: "contains", value: "@engine.example" }] } },
			{ cookie },
		);
		const id = await createCampaign(cookie, templateId, { audience: { segment_id: segment.json.id } });
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 50, sent: 49, suppressed: 1 });
		await expectEachReceivedOnce(49);
	});

	it("pauses within a second, resumes where it stopped, and sends each recipient once", async () => {
		const { cookie, templateId } = await sendingWorkspace(800, 100);
		const id = await createCampaign(cookie, templateId);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		await waitFor("first sends", async () => (await stats(cookie, id)).sent >= 100);
		expect((await call("POST", `/api/v1/campaigns/${id}/pause`, undefined, { cookie })).json.status).toBe("paused");
		// Chunks already on the queue are parked when they arrive; nothing is left that could still go out.
		await waitFor("every chunk sent or parked", async () => (await chunksLeftToSend(id)) === 0);
		const atPause = (await fake.received()).emails.length;
		expect(atPause).toBe((await stats(cookie, id)).sent);
		expect(atPause).toBeLessThan(800);
		expect((await call("POST", `/api/v1/campaigns/${id}/resume`, undefined, { cookie })).status).toBe(202);
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 800, sent: 800 });
		await expectEachReceivedOnce(800);
	});

	it("sends nothing more once cancelled, and accounts for everyone", async () => {
		const { cookie, templateId } = await sendingWorkspace(800, 100);
		const id = await createCampaign(cookie, templateId);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		await waitFor("first sends", async () => (await stats(cookie, id)).sent >= 100);
		expect((await call("POST", `/api/v1/campaigns/${id}/cancel`, undefined, { cookie })).json.status).toBe("cancelled");
		// Chunks already on the queue are dropped when they arrive; nothing is left that could still go out.
		await waitFor("every chunk settled", async () => (await chunksLeftToSend(id, ["paused"])) === 0);
		const atCancel = (await fake.received()).emails.length;
		const final = await stats(cookie, id);
		expect(final.status).toBe("cancelled");
		expect(final.sent).toBe(atCancel);
		expect(final.sent + final.cancelled + final.queued).toBe(final.audience);
		expect(final.sent).toBeLessThan(800);
		expect((await call("POST", `/api/v1/campaigns/${id}/resume`, undefined, { cookie })).status).toBe(409);
	});

	it("marks a chunk's recipients failed with the reason when the provider refuses it for good", async () => {
		const { cookie, templateId } = await sendingWorkspace(30);
		await fake.faults({ queue: [{ kind: "422" }] });
		const id = await createCampaign(cookie, templateId);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 30, sent: 0, failed: 30 });
		const log = await call("GET", `/api/v1/campaigns/${id}/messages?status=failed`, undefined, { cookie });
		expect(log.json.data[0].last_error).toMatch(/422/);
	});

	it("lets the handler ack unknown messages instead of retrying them forever", async () => {
		const batch = {
			queue: "pulse-sends",
			messages: [
				{
					id: "x",
					body: { nope: true },
					attempts: 1,
					ack() {
						this.acked = true;
					},
					retry() {},
					acked: false,
				},
			],
		};
		await handleSendsBatch(batch as never, { env, provider: provider(), requestsPerSecond: null });
		expect(batch.messages[0]?.acked).toBe(true);
	});
});
