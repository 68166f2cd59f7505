import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { CampaignDO } from "../../durable-objects/campaign-do";
import type { State } from "../../durable-objects/campaign-state";
import { assignVariant } from "../../worker/domain/ab/assign";
import { call } from "../client";
import { createCampaign, fake, sendingWorkspace, stats, waitFor, waitForStatus } from "./engine-helpers";

const SIZE = 2_000;
type Message = { contact_id: string; email: string; variant_id: string | null; status: string; chunk_id: string };

const messagesOf = async (campaignId: string) =>
	(
		await env.DB.prepare("SELECT contact_id, email, variant_id, status, chunk_id FROM messages WHERE campaign_id = ?")
			.bind(campaignId)
			.all<Message>()
	).results;

/** Contacts already mailed today by another campaign: over a cap of one a day, they end `capped`. */
async function mailedToday(workspaceId: string, cookie: string, templateId: string, emails: string[]) {
	const other = await createCampaign(cookie, templateId, { name: "Earlier today" });
	const { results } = await env.DB.prepare(
		`SELECT id, email FROM contacts WHERE workspace_id = ? AND email IN (${emails.map(() => "?").join(",")})`,
	)
		.bind(workspaceId, ...emails)
		.all<{ id: string; email: string }>();
	const now = Date.now();
	await env.DB.batch(
		results.map((c) =>
			env.DB.prepare(
				"INSERT INTO messages (id, workspace_id, campaign_id, contact_id, email, status, sent_at, created_at) VALUES (?, ?, ?, ?, ?, 'sent', ?, ?)",
			).bind(`msg_earlier_${c.id}`, workspaceId, other, c.id, c.email, now, now),
		),
	);
	return results.map((c) => c.id);
}

/** Resend reported each accepted test email delivered (the EVENTS consumer's outcome): the metric's denominator. */
const delivered = (campaignId: string) =>
	env.DB.prepare(
		"UPDATE messages SET status = 'delivered', delivered_at = sent_at WHERE campaign_id = ? AND status = 'sent'",
	)
		.bind(campaignId)
		.run();

/** People who clicked in one arm (flag null: a person, as the EVENTS consumer records a human click). */
async function humanClicks(campaignId: string, variantId: string, share: number) {
	const { results } = await env.DB.prepare(
		"SELECT id, workspace_id, contact_id FROM messages WHERE campaign_id = ? AND variant_id = ? AND status = 'delivered'",
	)
		.bind(campaignId, variantId)
		.all<{ id: string; workspace_id: string; contact_id: string }>();
	const clickers = results.slice(0, Math.round(results.length * share));
	await env.DB.batch(
		clickers.map((m) =>
			env.DB.prepare(
				"INSERT INTO tracking_events (id, workspace_id, message_id, campaign_id, contact_id, kind, url, occurred_at) VALUES (?, ?, ?, ?, ?, 'click', 'https://engine.example/x', ?)",
			).bind(`trk_${m.id}`, m.workspace_id, m.id, campaignId, m.contact_id, Date.now()),
		),
	);
	return clickers.length;
}

/** The test ran `ms` ago, and the object was evicted in the middle of deciding it (its stored state and D1's mirror). */
async function evictedWhileDeciding(campaignId: string, ms: number) {
	await runInDurableObject(env.CAMPAIGN.getByName(campaignId), async (_: CampaignDO, ctx) => {
		const state = await ctx.storage.get<State>("state");
		if (!state?.ab) throw new Error("no A/B state");
		state.ab = { ...state.ab, startedAt: state.ab.startedAt - ms, phase: "deciding" };
		await ctx.storage.put("state", state);
	});
	await env.DB.prepare(
		"UPDATE campaign_ab_tests SET started_at = started_at - ?, phase = 'deciding' WHERE campaign_id = ?",
	)
		.bind(ms, campaignId)
		.run();
	await abortAllDurableObjects();
}

describe("an A/B campaign at a realistic size, through Resend", () => {
	beforeEach(async () => {
		await fake.reset();
		// Resend's limit at the engine's own ceiling (10 requests/s): the flow's 40-odd requests take seconds, not ten.
		await fake.admin("config", { rateLimitPerSecond: 10 });
	});

	it("tests 20% of 2,000, sends the winner to exactly the other 80%, reconciles every recipient, across evictions in every phase", async () => {
		const { cookie, templateId, workspace } = await sendingWorkspace(SIZE);
		const emails = (from: number, count: number) =>
			Array.from({ length: count }, (_, i) => `r${String(from + i).padStart(5, "0")}@engine.example`);
		await env.DB.batch(
			emails(100, 7).map((email) =>
				env.DB.prepare("INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, 'complained')").bind(
					workspace.id,
					email,
				),
			),
		);
		const capped = await mailedToday(workspace.id, cookie, templateId, emails(200, 13));
		await call("PATCH", "/api/v1/workspace", { frequency_cap: { max: 1, per: "P1D" } }, { cookie });
		const id = await createCampaign(cookie, templateId, {
			name: "Subject test",
			variants: [
				{ name: "A", subject: "Spring is here" },
				{ name: "B", subject: "20% off, today only" },
			],
			ab_test: { test_percent: 20, metric: "clicks", duration: "PT1H", auto_send_winner: true },
		});
		const campaign = (await call("GET", `/api/v1/campaigns/${id}`, undefined, { cookie })).json;
		const [a, b] = (campaign.variants as { id: string }[]).map((v) => v.id);
		if (!a || !b) throw new Error("variants missing");
		// The provider refuses the first request for good: its recipients end `failed`.
		await fake.faults({ queue: [{ kind: "422" }] });

		// Testing: evicted in the middle of the test group's fan-out, it carries on from its stored cursor.
		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
		await abortAllDurableObjects();
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const settled = (ms: Message[]) => ms.length > 0 && ms.every((m) => m.status !== "queued");
		await waitFor("the test group's fan-out", async () => (await env.CAMPAIGN.getByName(id).getState())?.fanoutDone);
		const test = await waitFor("the test group's sends", async () => {
			const ms = await messagesOf(id);
			return settled(ms) && ms;
		});
		const testers = new Set(test.map((m) => m.contact_id));
		const expected = (contactId: string) => assignVariant(id, contactId, [a, b], 20);
		expect(test.every((m) => m.variant_id === (expected(m.contact_id) as { variantId?: string }).variantId)).toBe(true);
		expect(test.length).toBeGreaterThan(0.17 * SIZE);
		expect(test.length).toBeLessThan(0.23 * SIZE);
		expect((await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie })).json.phase).toBe("testing");

		await delivered(id);
		const clicked = await humanClicks(id, b, 0.3);
		await humanClicks(id, a, 0.1);

		// Deciding: the hour is up and the object dies mid-decision; its next alarm decides again and sends B.
		await evictedWhileDeciding(id, 2 * 3_600_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const decided = (await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie })).json;
		expect(decided).toMatchObject({ phase: "sending_winner", winner: { variant_id: b, significant: true } });
		expect(decided.arms[1].clicks).toBe(clicked);

		// Sending the winner: evicted mid-fan-out, it still completes.
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		await abortAllDurableObjects();
		const final = await waitForStatus(cookie, id, "completed", 60_000);
		expect((await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie })).json.phase).toBe("done");

		const all = await messagesOf(id);
		const count = (ms: Message[], ...statuses: string[]) => ms.filter((m) => statuses.includes(m.status)).length;
		const winnerSends = all.filter((m) => !testers.has(m.contact_id));
		// Nobody gets two variants: one message per contact, and the winner goes to exactly everyone outside the test.
		expect(new Set(all.map((m) => m.contact_id)).size).toBe(all.length);
		expect(all.length).toBe(SIZE);
		expect(winnerSends.every((m) => m.variant_id === b && expected(m.contact_id).group === "holdout")).toBe(true);
		expect(winnerSends.length).toBe(SIZE - test.length);
		// audience = test sends + winner sends + suppressed + capped + failed
		const testSent = count(
			all.filter((m) => testers.has(m.contact_id)),
			"sent",
			"delivered",
		);
		const winnerSent = count(winnerSends, "sent");
		expect(count(all, "suppressed")).toBe(7);
		expect(count(all, "capped")).toBe(capped.length);
		expect(count(all, "failed")).toBeGreaterThan(0);
		expect(testSent + winnerSent + count(all, "suppressed") + count(all, "capped") + count(all, "failed")).toBe(SIZE);
		expect(final).toMatchObject({ audience: SIZE, sent: testSent + winnerSent, queued: 0 });
		expect(final.sent + final.suppressed + final.capped + final.failed).toBe(SIZE);

		// What Resend received: each address once, with its arm's subject (the winner's outside the test).
		const received = (await fake.received()).emails;
		expect(received.length).toBe(testSent + winnerSent);
		expect(new Set(received.map((e) => e.to[0])).size).toBe(received.length);
		const subjectOf = new Map(received.map((e) => [e.to[0], e.subject]));
		const variantSubject = { [a]: "Spring is here", [b]: "20% off, today only" };
		expect(
			all
				.filter((m) => m.status === "sent" || m.status === "delivered")
				.every((m) => subjectOf.get(m.email) === variantSubject[m.variant_id ?? ""]),
		).toBe(true);
		expect((await stats(cookie, id)).status).toBe("completed");
	});
});
