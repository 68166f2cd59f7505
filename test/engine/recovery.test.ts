import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { CampaignDO } from "../../durable-objects/campaign-do";
import type { EmailProvider } from "../../worker/queue/providers/provider";
import { ResendProvider } from "../../worker/queue/providers/resend";
import { sendChunk } from "../../worker/queue/sends-consumer";
import { call } from "../client";
import { createCampaign, fake, sendingWorkspace, stats, waitFor, waitForStatus } from "./engine-helpers";

const TEN_MINUTES = 10 * 60_000;

/** A queue that accepts messages and loses them, as a local queue does when its process is killed. */
const losingQueue = {
	async send() {},
	async sendBatch() {},
	async metrics() {
		return { backlogCount: 0, backlogBytes: 0 };
	},
} as unknown as Queue;

/** From now on the campaign object's SENDS messages are lost; the returned function ends the outage. */
async function loseQueueMessages(campaign: DurableObjectStub<CampaignDO>) {
	let real: Env | undefined;
	await runInDurableObject(campaign, (instance) => {
		const object = instance as unknown as { env: Env };
		real = object.env;
		object.env = Object.create(real, { SENDS: { value: losingQueue } });
	});
	return async () => {
		await runInDurableObject(campaign, (instance) => {
			if (real) (instance as unknown as { env: Env }).env = real;
		});
	};
}

/** Time passes: the campaign's chunks look as if they were enqueued ten minutes earlier. */
async function tenMinutesPass(campaignId: string) {
	await env.DB.prepare(
		"UPDATE chunks SET updated_at = updated_at - ?, created_at = created_at - ? WHERE campaign_id = ?",
	)
		.bind(TEN_MINUTES, TEN_MINUTES, campaignId)
		.run();
}

async function chunkStatuses(campaignId: string) {
	const { results } = await env.DB.prepare("SELECT status FROM chunks WHERE campaign_id = ? ORDER BY seq")
		.bind(campaignId)
		.all<{ status: string }>();
	return results.map((r) => r.status);
}

/** Every recipient received exactly once, and every message of the log is `sent`. */
async function expectEachServedOnce(campaignId: string, expected: number) {
	const received = await fake.received();
	const to = received.emails.map((e) => e.to[0]);
	expect(to).toHaveLength(expected);
	expect(new Set(to).size).toBe(expected);
	const log = await env.DB.prepare("SELECT status, count(*) AS n FROM messages WHERE campaign_id = ? GROUP BY status")
		.bind(campaignId)
		.all();
	expect(log.results).toEqual([{ status: "sent", n: expected }]);
}

describe("recovering lost queue messages", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	it("re-enqueues chunks whose queue message was lost, and completes with every recipient served once", async () => {
		const { cookie, templateId } = await sendingWorkspace(250, 100);
		const id = await createCampaign(cookie, templateId);
		const campaign = env.CAMPAIGN.getByName(id);
		const endOutage = await loseQueueMessages(campaign);
		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
		for (let i = 0; i < 20 && !(await campaign.getState())?.fanoutDone; i++) await runDurableObjectAlarm(campaign);
		expect(await chunkStatuses(id)).toEqual(["queued", "queued", "queued"]);

		// The first chunk reached the provider, but the process died before the result was recorded.
		const provider = new ResendProvider("re_test_engine", env.FAKE_RESEND_URL, 1000);
		const dying: EmailProvider = {
			name: "resend",
			async sendBatch(emails, key) {
				await provider.sendBatch(emails, key);
				throw new Error("killed after the provider accepted");
			},
		};
		const first = await env.DB.prepare("SELECT id, workspace_id FROM chunks WHERE campaign_id = ? AND seq = 0")
			.bind(id)
			.first<{ id: string; workspace_id: string }>();
		const message = { chunk_id: first?.id ?? "", workspace_id: first?.workspace_id ?? "" };
		await expect(sendChunk({ env, provider: dying, requestsPerSecond: null }, message, 1)).rejects.toThrow(/killed/);
		await endOutage();

		// Within the threshold a waiting chunk is left alone: its message may just be slow.
		await runDurableObjectAlarm(campaign);
		expect(await chunkStatuses(id)).toEqual(["frozen", "queued", "queued"]);
		expect((await stats(cookie, id)).status).toBe("sending");

		await tenMinutesPass(id);
		await runDurableObjectAlarm(campaign);
		const final = await waitForStatus(cookie, id, "completed", 30_000);
		expect(final).toMatchObject({ audience: 250, sent: 250, queued: 0, failed: 0 });
		await expectEachServedOnce(id, 250);
	});

	it("keeps checking after a pause and a resume, and completes once the lost chunk is re-enqueued", async () => {
		const { cookie, templateId } = await sendingWorkspace(250, 100);
		const id = await createCampaign(cookie, templateId);
		const campaign = env.CAMPAIGN.getByName(id);
		const endOutage = await loseQueueMessages(campaign);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		await waitFor("the first chunk", async () => (await chunkStatuses(id)).length > 0 || null);
		expect((await call("POST", `/api/v1/campaigns/${id}/pause`, undefined, { cookie })).json.status).toBe("paused");
		await endOutage();
		await tenMinutesPass(id);

		// Resuming re-enqueues what the consumer set aside, but the lost chunk was never set aside.
		expect((await call("POST", `/api/v1/campaigns/${id}/resume`, undefined, { cookie })).status).toBe(202);
		await waitFor("the chunks after it", async () => (await stats(cookie, id)).sent >= 150);
		await waitFor("the fan-out", async () => (await campaign.getState())?.fanoutDone);
		await runDurableObjectAlarm(campaign);
		const final = await waitForStatus(cookie, id, "completed", 30_000);
		expect(final).toMatchObject({ audience: 250, sent: 250, queued: 0 });
		await expectEachServedOnce(id, 250);
	});
});
