import { env } from "cloudflare:workers";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { call } from "./client";
import {
	resendEvent as event,
	postWebhook as post,
	providerIdOf,
	sentCampaign,
	signedWebhook as signed,
	stats,
	waitUntil,
} from "./tracking-helpers";

let n = 0;
const nextId = () => `msg_svix_${Date.now()}_${++n}`;

describe("Resend webhooks", () => {
	it("accepts a correctly signed event and moves the message forward", async () => {
		const { cookie, campaignId } = await sentCampaign(2);
		const id = await providerIdOf(campaignId, "p0@track.example");
		const res = await post(signed(nextId(), event("email.delivered", id)));
		expect(res).toEqual({ status: 200, json: { ok: true, applied: true, reason: "applied" } });
		expect(await stats(cookie, campaignId)).toMatchObject({ sent: 2, delivered: 1 });
	});

	it("refuses a tampered body, a wrong secret and a stale timestamp", async () => {
		const { campaignId } = await sentCampaign(1);
		const id = await providerIdOf(campaignId, "p0@track.example");
		const good = signed(nextId(), event("email.delivered", id));
		expect((await post({ ...good, body: good.body.replace("delivered", "bounced") })).status).toBe(401);
		const foreign = new Webhook("whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=").sign("x", new Date(), good.body);
		expect((await post({ body: good.body, headers: { ...good.headers, "svix-signature": foreign } })).status).toBe(401);
		const stale = signed(nextId(), event("email.delivered", id), new Date(Date.now() - 6 * 60_000));
		expect((await post(stale)).status).toBe(401);
		const future = signed(nextId(), event("email.delivered", id), new Date(Date.now() + 6 * 60_000));
		expect((await post(future)).status).toBe(401);
		expect((await post({ body: good.body, headers: { "content-type": "application/json" } })).status).toBe(401);
	});

	it("ignores a replay of the same svix-id", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const id = await providerIdOf(campaignId, "p0@track.example");
		const request = signed(
			nextId(),
			event("email.bounced", id, { bounce: { type: "Permanent", message: "mailbox does not exist" } }),
		);
		expect((await post(request)).json.applied).toBe(true);
		expect((await post(request)).json).toEqual({ ok: true, applied: false, reason: "duplicate" });
		expect((await stats(cookie, campaignId)).bounced).toBe(1);
	});

	it("never lets a late delivered overwrite a bounce or a complaint, and suppresses the address", async () => {
		const { cookie, campaignId } = await sentCampaign(2);
		const bounced = await providerIdOf(campaignId, "p0@track.example");
		const complained = await providerIdOf(campaignId, "p1@track.example");
		await post(
			signed(nextId(), event("email.bounced", bounced, { bounce: { type: "Permanent", message: "no such user" } })),
		);
		await post(signed(nextId(), event("email.complained", complained)));
		await post(signed(nextId(), event("email.delivered", bounced)));
		await post(signed(nextId(), event("email.delivered", complained)));
		await post(signed(nextId(), event("email.delivery_delayed", complained)));
		const s = await stats(cookie, campaignId);
		expect(s).toMatchObject({ sent: 2, bounced: 1, complained: 1, delivered: 1 });
		const messages = await call("GET", `/api/v1/campaigns/${campaignId}/messages`, undefined, { cookie });
		expect(messages.json.data.map((m: { email: string; status: string }) => [m.email, m.status]).sort()).toEqual([
			["p0@track.example", "bounced"],
			["p1@track.example", "complained"],
		]);
		const contacts = await call("GET", "/api/v1/contacts", undefined, { cookie });
		expect(contacts.json.data.map((c: { email: string; status: string }) => [c.email, c.status]).sort()).toEqual([
			["p0@track.example", "bounced"],
			["p1@track.example", "complained"],
		]);
	});

	it("records a soft bounce without suppressing the address", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const id = await providerIdOf(campaignId, "p0@track.example");
		await post(
			signed(nextId(), event("email.bounced", id, { bounce: { type: "Transient", message: "mailbox full" } })),
		);
		const contact = (await call("GET", "/api/v1/contacts", undefined, { cookie })).json.data[0];
		expect(contact.status).toBe("subscribed");
	});
});

const messageOf = async (campaignId: string, email: string) =>
	(await env.DB.prepare(
		"SELECT id, status, provider_id, last_error, sent_at FROM messages WHERE campaign_id = ? AND email = ?",
	)
		.bind(campaignId, email)
		.first<{
			id: string;
			status: string;
			provider_id: string | null;
			last_error: string | null;
			sent_at: number | null;
		}>()) ?? null;

const contactStatuses = async (cookie: string) =>
	(await call("GET", "/api/v1/contacts", undefined, { cookie })).json.data
		.map((c: { email: string; status: string }) => [c.email, c.status])
		.sort();

describe("Resend webhooks: failures, suppressions and lost provider ids", () => {
	it("fails the message with Resend's reason on email.failed", async () => {
		const { cookie, campaignId } = await sentCampaign(2);
		const id = await providerIdOf(campaignId, "p0@track.example");
		const res = await post(signed(nextId(), event("email.failed", id, { failed: { reason: "reached_daily_quota" } })));
		expect(res.json).toEqual({ ok: true, applied: true, reason: "applied" });
		expect(await stats(cookie, campaignId)).toMatchObject({ audience: 2, sent: 1, failed: 1 });
		const message = await messageOf(campaignId, "p0@track.example");
		expect(message?.status).toBe("failed");
		expect(message?.last_error).toContain("reached_daily_quota");
		await post(signed(nextId(), event("email.delivered", id)));
		expect((await messageOf(campaignId, "p0@track.example"))?.status).toBe("failed");
		expect(await contactStatuses(cookie)).toEqual([
			["p0@track.example", "subscribed"],
			["p1@track.example", "subscribed"],
		]);
	});

	it("marks the message suppressed on email.suppressed and never mails the address again", async () => {
		const { cookie, campaignId } = await sentCampaign(2);
		const id = await providerIdOf(campaignId, "p0@track.example");
		const suppressed = { suppressed: { type: "OnAccountSuppressionList", message: "on the suppression list" } };
		expect((await post(signed(nextId(), event("email.suppressed", id, suppressed)))).json.applied).toBe(true);
		expect(await stats(cookie, campaignId)).toMatchObject({ audience: 2, sent: 1, suppressed: 1 });
		expect((await messageOf(campaignId, "p0@track.example"))?.last_error).toContain("OnAccountSuppressionList");

		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T2", subject: "S2", html: "<p>2</p>" },
			{ cookie },
		);
		const next = await call("POST", "/api/v1/campaigns", { name: "C2", template_id: template.json.id }, { cookie });
		const nextCampaign = next.json.id as string;
		await call("POST", `/api/v1/campaigns/${nextCampaign}/send`, undefined, { cookie });
		await waitUntil(
			"the next campaign to complete",
			async () => (await stats(cookie, nextCampaign)).status === "completed",
		);
		const outbox = await call("GET", `/api/v1/outbox?campaign_id=${nextCampaign}`, undefined, { cookie });
		expect(outbox.json.data.map((e: { to: string }) => e.to)).toEqual(["p1@track.example"]);
	});

	it("applies a bounce whose provider id was never recorded, matched by its message_id tag", async () => {
		const { cookie, campaignId } = await sentCampaign(2);
		const message = await messageOf(campaignId, "p0@track.example");
		if (!message) throw new Error("no message");
		await env.DB.prepare("UPDATE messages SET provider_id = NULL WHERE id = ?").bind(message.id).run();
		const lostId = `re_lost_${Date.now()}`;
		const stranger = await post(signed(nextId(), event("email.bounced", lostId, { bounce: { type: "Permanent" } })));
		expect(stranger.json).toEqual({ ok: true, applied: false, reason: "unknown message" });

		const bounce = event("email.bounced", lostId, {
			bounce: { type: "Permanent", message: "no such user" },
			tags: { message_id: message.id },
		});
		expect((await post(signed(nextId(), bounce))).json).toEqual({ ok: true, applied: true, reason: "applied" });
		expect(await messageOf(campaignId, "p0@track.example")).toMatchObject({ status: "bounced", provider_id: lostId });
		expect(await stats(cookie, campaignId)).toMatchObject({ sent: 2, bounced: 1 });
		expect(await contactStatuses(cookie)).toEqual([
			["p0@track.example", "bounced"],
			["p1@track.example", "subscribed"],
		]);
	});

	it("counts a message as sent when its delivery arrives, matched by tag, before the chunk recorded the send", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const message = await messageOf(campaignId, "p0@track.example");
		if (!message) throw new Error("no message");
		// As if Resend accepted the chunk but its answer was lost and the retry has not run yet.
		await env.DB.prepare("UPDATE messages SET provider_id = NULL, status = 'queued', sent_at = NULL WHERE id = ?")
			.bind(message.id)
			.run();
		const delivered = event("email.delivered", `re_late_${Date.now()}`, { tags: { message_id: message.id } });
		expect((await post(signed(nextId(), delivered))).json).toMatchObject({ applied: true });
		const after = await messageOf(campaignId, "p0@track.example");
		expect(after).toMatchObject({ status: "delivered" });
		expect(after?.sent_at).toEqual(expect.any(Number));
		expect(await stats(cookie, campaignId)).toMatchObject({ sent: 1, delivered: 1, queued: 0 });
	});

	it("applies exactly once a webhook whose first application failed and Resend retried", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const message = await messageOf(campaignId, "p0@track.example");
		if (!message?.provider_id) throw new Error("no message");
		const request = signed(
			nextId(),
			event("email.bounced", message.provider_id, { bounce: { type: "Permanent", message: "no such user" } }),
		);
		// The database refuses the status change once, as a crash between recording and applying would.
		await env.DB.prepare(
			`CREATE TRIGGER fail_once BEFORE UPDATE OF status ON messages WHEN OLD.id = '${message.id}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
		).run();
		try {
			expect((await post(request)).status).toBe(500);
		} finally {
			await env.DB.prepare("DROP TRIGGER IF EXISTS fail_once").run();
		}
		expect((await messageOf(campaignId, "p0@track.example"))?.status).toBe("sent");
		expect(await contactStatuses(cookie)).toEqual([["p0@track.example", "subscribed"]]);

		expect((await post(request)).json).toEqual({ ok: true, applied: true, reason: "applied" });
		expect((await post(request)).json).toEqual({ ok: true, applied: false, reason: "duplicate" });
		expect(await stats(cookie, campaignId)).toMatchObject({ sent: 1, bounced: 1 });
		expect(await contactStatuses(cookie)).toEqual([["p0@track.example", "bounced"]]);
		const logged = await waitUntil("the bounce in the event log", async () => {
			const row = await env.DB.prepare(
				"SELECT count(*) AS n FROM tracking_events WHERE message_id = ? AND kind = 'bounce'",
			)
				.bind(message.id)
				.first<{ n: number }>();
			return row && row.n > 0 ? row.n : null;
		});
		expect(logged).toBe(1);
	});
});
