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
