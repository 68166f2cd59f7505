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

	it("retries a provider's 429 in the workspace's next slot, honouring retry-after, without a second attempt", async () => {
		const { cookie, templateId } = await sendingWorkspace(50);
		const id = await createCampaign(cookie, templateId);
		await fake.faults({ queue: [{ kind: "429", retryAfter: 1 }] });
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 50, sent: 50, failed: 0 });

		const received = await fake.received();
		expect(received.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(new Set(received.requests.map((r) => r.idempotencyKey)).size).toBe(1);
		const [refused, accepted] = received.requests;
		expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
		// Retried in place: one attempt as far as the queue and the log are concerned.
		const log = await call("GET", `/api/v1/campaigns/${id}/messages?limit=100`, undefined, { cookie });
		expect(log.json.data.every((m: { attempts: number }) => m.attempts === 1)).toBe(true);
	});

	it("abandons a provider call after PROVIDER_TIMEOUT_MS and retries it with the same key, sending once", async () => {
		const { cookie, templateId } = await sendingWorkspace(20);
		const id = await createCampaign(cookie, templateId);
		// The engine's PROVIDER_TIMEOUT_MS is 1 s; the provider takes 4 s to answer (and accepts meanwhile).
		await fake.faults({ queue: [{ kind: "slow", ms: 4000 }] });
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 20, sent: 20, failed: 0 });

		const received = await fake.received();
		expect(received.emails).toHaveLength(20);
		expect(new Set(received.emails.map((e) => e.to[0])).size).toBe(20);
		expect(received.requests.length).toBeGreaterThanOrEqual(2);
		expect(new Set(received.requests.map((r) => r.idempotencyKey)).size).toBe(1);
		// Without the timeout the first call would have waited for its answer: one attempt.
		const log = await call("GET", `/api/v1/campaigns/${id}/messages?limit=100`, undefined, { cookie });
		expect(log.json.data.every((m: { attempts: number }) => m.attempts >= 2)).toBe(true);
	});

	it("sends a test through the same provider gate, retrying the provider's 429 in place with the same key", async () => {
		const { cookie, templateId } = await sendingWorkspace(1);
		await fake.faults({ queue: [{ kind: "429", retryAfter: 1 }] });
		const res = await call(
			"POST",
			`/api/v1/templates/${templateId}/test-send`,
			{ to: ["qa@engine.example"] },
			{ cookie },
		);
		expect(res.status).toBe(200);
		const received = await fake.received();
		expect(received.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(new Set(received.requests.map((r) => r.idempotencyKey)).size).toBe(1);
		expect(received.emails.map((e) => e.to[0])).toEqual(["qa@engine.example"]);
	});

	it("refuses an illegal transition with 409", async () => {
		const { cookie, templateId } = await sendingWorkspace(1);
		const id = await createCampaign(cookie, templateId);
		const res = await call("POST", `/api/v1/campaigns/${id}/pause`, undefined, { cookie });
		expect(res.status).toBe(409);
		expect(res.error.message).toMatch(/draft campaign cannot pause/);
	});
});
