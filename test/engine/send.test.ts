import { beforeEach, describe, expect, it } from "vitest";
import { call } from "../client";
import { createCampaign, fake, sendingWorkspace, waitForStatus } from "./engine-helpers";

describe("sending a campaign through Resend", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	it("sends every subscribed contact exactly once in chunks of at most 100, then completes", async () => {
		const { cookie, templateId } = await sendingWorkspace(250);
		const id = await createCampaign(cookie, templateId);
		const sent = await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		expect(sent.status).toBe(202);
		expect(sent.json.status).toBe("sending");
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 250, sent: 250, queued: 0, failed: 0, suppressed: 0 });

		const received = await fake.received();
		const to = received.emails.map((e) => e.to[0]);
		expect(to).toHaveLength(250);
		expect(new Set(to).size).toBe(250);
		const perRequest = received.requests.filter((r) => r.status === 200).length;
		expect(perRequest).toBe(3);
		const one = received.emails.find((e) => e.to[0] === "r00007@engine.example");
		expect(one?.subject).toBe("Hello Reader7");
		expect(one?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		const log = await call("GET", `/api/v1/campaigns/${id}/messages?limit=500`, undefined, { cookie });
		expect(
			log.json.data.every((m: { status: string; provider_id: string | null }) => m.status === "sent" && m.provider_id),
		).toBe(true);
	});

	it("refuses an illegal transition with 409", async () => {
		const { cookie, templateId } = await sendingWorkspace(1);
		const id = await createCampaign(cookie, templateId);
		const res = await call("POST", `/api/v1/campaigns/${id}/pause`, undefined, { cookie });
		expect(res.status).toBe(409);
		expect(res.error.message).toMatch(/draft campaign cannot pause/);
	});
});
