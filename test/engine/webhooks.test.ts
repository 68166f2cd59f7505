import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call } from "../client";
import { postWebhook } from "../tracking-helpers";
import { createCampaign, fake, sendingWorkspace, waitForStatus } from "./engine-helpers";

type Delivery = { svix_id: string; request: { headers: Record<string, string>; body: string } };

/** Resend-shaped, signed events for emails the fake Resend really accepted. */
async function resendEvents(events: { type: string; to: string }[]): Promise<Delivery[]> {
	const answer = (await fake.admin("webhooks", { secret: env.RESEND_WEBHOOK_SECRET, events })) as {
		deliveries?: Delivery[];
	};
	if (!answer.deliveries) throw new Error(JSON.stringify(answer));
	return answer.deliveries;
}

async function messageOf(campaignId: string, email: string) {
	const { json } = await call("GET", `/api/v1/campaigns/${campaignId}/messages?limit=100`, undefined, {
		cookie: owner.cookie,
	});
	return (json.data as { email: string; status: string; last_error: string | null }[]).find((m) => m.email === email);
}

let owner: Awaited<ReturnType<typeof sendingWorkspace>>;

describe("Resend's webhook events for what it accepted", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	it("fails, suppresses and bounces the messages they are about, including one whose provider id was lost", async () => {
		owner = await sendingWorkspace(4);
		const campaignId = await createCampaign(owner.cookie, owner.templateId);
		await call("POST", `/api/v1/campaigns/${campaignId}/send`, undefined, { cookie: owner.cookie });
		await waitForStatus(owner.cookie, campaignId, "completed");
		// Resend accepted r00002's email but its answer never reached Pulse: no provider id on record.
		await env.DB.prepare("UPDATE messages SET provider_id = NULL WHERE campaign_id = ? AND email = ?")
			.bind(campaignId, "r00002@engine.example")
			.run();

		const deliveries = await resendEvents([
			{ type: "failed", to: "r00000@engine.example" },
			{ type: "suppressed", to: "r00001@engine.example" },
			{ type: "bounced", to: "r00002@engine.example" },
		]);
		for (const d of deliveries) expect((await postWebhook(d.request)).json).toMatchObject({ applied: true });

		expect(await messageOf(campaignId, "r00000@engine.example")).toMatchObject({ status: "failed" });
		expect((await messageOf(campaignId, "r00000@engine.example"))?.last_error).toContain("reached_daily_quota");
		expect(await messageOf(campaignId, "r00001@engine.example")).toMatchObject({ status: "suppressed" });
		expect(await messageOf(campaignId, "r00002@engine.example")).toMatchObject({ status: "bounced" });
		// A retry of the same event (same svix-id) changes nothing.
		const again = deliveries[2];
		if (!again) throw new Error("no bounce delivery");
		expect((await postWebhook(again.request)).json).toMatchObject({ applied: false, reason: "duplicate" });

		// The next campaign leaves out the suppressed and the bounced addresses.
		await fake.reset();
		const next = await createCampaign(owner.cookie, owner.templateId);
		await call("POST", `/api/v1/campaigns/${next}/send`, undefined, { cookie: owner.cookie });
		await waitForStatus(owner.cookie, next, "completed");
		const sentTo = (await fake.received()).emails.map((e) => e.to[0]).sort();
		expect(sentTo).toEqual(["r00000@engine.example", "r00003@engine.example"]);
	});
});
