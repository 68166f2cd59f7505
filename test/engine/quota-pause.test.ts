import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call } from "../client";
import { createCampaign, fake, sendingWorkspace, stats, waitFor, waitForStatus } from "./engine-helpers";

const AUDIENCE = 400;
/** Recipients a second: chunks of 50, one a second, so the quota closes with most of the audience still to go. */
const RATE = 50;

type Campaign = { status: string; pause_reason: { code: string; quota: string; message: string; resumes_at: string } };

async function campaignOf(cookie: string, id: string): Promise<Campaign> {
	return (await call("GET", `/api/v1/campaigns/${id}`, undefined, { cookie })).json;
}

async function messageStatuses(campaignId: string) {
	const { results } = await env.DB.prepare(
		"SELECT status, count(*) AS n FROM messages WHERE campaign_id = ? GROUP BY status ORDER BY status",
	)
		.bind(campaignId)
		.all<{ status: string; n: number }>();
	return Object.fromEntries(results.map((r) => [r.status, r.n]));
}

/** Starts the send and closes Resend's daily quota once its first chunks were accepted. */
async function sendUntilQuota(cookie: string, id: string) {
	expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
	await waitFor("the first chunks accepted", async () => (await fake.received()).emails.length >= 2 * RATE);
	await fake.admin("quota", { exceeded: "daily" });
	return waitFor("the quota pause", async () => {
		const campaign = await campaignOf(cookie, id);
		return campaign.status === "paused" ? campaign : null;
	});
}

/** Nobody failed, and the provider holds exactly the recipients marked sent: no one was sent during the pause. */
async function expectHeldWithoutFailures(cookie: string, id: string) {
	const numbers = await stats(cookie, id);
	expect(numbers).toMatchObject({ status: "paused", failed: 0 });
	const accepted = (await fake.received()).emails.map((e) => e.to[0]);
	expect(accepted.length).toBe(numbers.sent);
	expect(accepted.length).toBeLessThan(AUDIENCE);
	const statuses = await messageStatuses(id);
	expect(statuses.failed).toBeUndefined();
	expect(statuses.sent).toBe(numbers.sent);
}

/** The fake Resend accepted each recipient exactly once, and the log says everyone was sent. */
async function expectEachSentOnce(cookie: string, id: string) {
	const final = await waitForStatus(cookie, id, "completed", 60_000);
	expect(final).toMatchObject({ audience: AUDIENCE, sent: AUDIENCE, failed: 0, queued: 0 });
	const to = (await fake.received()).emails.map((e) => e.to[0]);
	expect(to).toHaveLength(AUDIENCE);
	expect(new Set(to).size).toBe(AUDIENCE);
	expect(await messageStatuses(id)).toEqual({ sent: AUDIENCE });
	// A quota refusal is no attempt: every message went out at its first.
	const attempts = await env.DB.prepare("SELECT max(attempts) AS most FROM messages WHERE campaign_id = ?")
		.bind(id)
		.first<{ most: number }>();
	expect(attempts?.most).toBe(1);
	expect((await campaignOf(cookie, id)).pause_reason).toBeNull();
}

async function quotaAudit(cookie: string, id: string) {
	const log = await call("GET", "/api/v1/audit-log?limit=200", undefined, { cookie });
	return (log.json.data as { action: string; target_id: string; metadata: { by?: string } | null }[])
		.filter((e) => e.target_id === id && e.metadata?.by?.startsWith("provider_quota"))
		.map((e) => `${e.action} by ${e.metadata?.by}`)
		.reverse();
}

describe("a provider quota mid-campaign", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	it("pauses the campaign with the reason, fails nobody, and a person's resume sends the rest exactly once", async () => {
		const { cookie, templateId } = await sendingWorkspace(AUDIENCE, RATE);
		const id = await createCampaign(cookie, templateId);
		const paused = await sendUntilQuota(cookie, id);
		expect(paused.pause_reason).toMatchObject({
			code: "provider_quota",
			quota: "daily",
			message: expect.stringMatching(/^Resend daily quota reached; resumes after .* UTC$/),
		});
		expect(Date.parse(paused.pause_reason.resumes_at)).toBeGreaterThan(Date.now());
		expect((await fake.received()).requests.some((r) => r.status === 429)).toBe(true);
		await expectHeldWithoutFailures(cookie, id);

		// Resumed while the quota is still closed: the next chunk meets it and the campaign simply pauses again.
		const refusedBefore = (await fake.received()).requests.filter((r) => r.status === 429).length;
		expect((await call("POST", `/api/v1/campaigns/${id}/resume`, undefined, { cookie })).status).toBe(202);
		await waitFor("the pause again", async () => {
			const refused = (await fake.received()).requests.filter((r) => r.status === 429).length;
			return refused > refusedBefore && (await campaignOf(cookie, id)).status === "paused";
		});
		await expectHeldWithoutFailures(cookie, id);

		await fake.admin("quota", { exceeded: null });
		expect((await call("POST", `/api/v1/campaigns/${id}/resume`, undefined, { cookie })).status).toBe(202);
		await expectEachSentOnce(cookie, id);
		expect(await quotaAudit(cookie, id)).toEqual([
			"campaign.pause by provider_quota",
			"campaign.pause by provider_quota",
		]);
	});

	it("resumes by itself when the quota resets, and sends the rest exactly once", async () => {
		const { cookie, templateId } = await sendingWorkspace(AUDIENCE, RATE);
		const id = await createCampaign(cookie, templateId);
		// Resend's clock reads 22 s before midnight UTC: its daily quota resets then (retry-after counts down to it).
		const now = new Date();
		const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
		await fake.admin("clock", { advanceMs: midnight - 22_000 - Date.now() });
		const paused = await sendUntilQuota(cookie, id);
		const resumesAt = Date.parse(paused.pause_reason.resumes_at);
		expect(resumesAt - Date.now()).toBeLessThanOrEqual(22_000);
		await expectHeldWithoutFailures(cookie, id);

		// The quota opens at its reset; the campaign's alarm resumes it then, with nobody asking.
		await fake.admin("quota", { exceeded: null });
		await waitFor("the reset", async () => Date.now() >= resumesAt, 30_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		await expectEachSentOnce(cookie, id);
		expect(await quotaAudit(cookie, id)).toEqual([
			"campaign.pause by provider_quota",
			"campaign.resume by provider_quota_reset",
		]);
	});
});
