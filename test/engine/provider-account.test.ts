import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { ResendProvider } from "../../worker/queue/providers/resend";
import { sendChunk } from "../../worker/queue/sends-consumer";
import { call } from "../client";
import { chunkReadyToSend, createCampaign, fake, sendingWorkspace, waitForStatus } from "./engine-helpers";

type LoggedMessage = { email: string; status: string; provider_id: string | null; last_error: string | null };

async function messageLog(cookie: string, id: string): Promise<LoggedMessage[]> {
	return (await call("GET", `/api/v1/campaigns/${id}/messages?limit=500`, undefined, { cookie })).json.data;
}

describe("one provider account shared by every workspace", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	it("serves two workspaces sending at once within Resend's stated limit: nothing refused, everyone once", async () => {
		// The engine's configured limit is 10 requests/s; the fake states (and enforces) 5 in its headers.
		const [a, b] = await Promise.all([sendingWorkspace(600), sendingWorkspace(600)]);
		const ids = await Promise.all([createCampaign(a.cookie, a.templateId), createCampaign(b.cookie, b.templateId)]);
		await Promise.all([
			call("POST", `/api/v1/campaigns/${ids[0]}/send`, undefined, { cookie: a.cookie }),
			call("POST", `/api/v1/campaigns/${ids[1]}/send`, undefined, { cookie: b.cookie }),
		]);
		const finals = await Promise.all([
			waitForStatus(a.cookie, ids[0], "completed"),
			waitForStatus(b.cookie, ids[1], "completed"),
		]);
		for (const final of finals) expect(final).toMatchObject({ audience: 600, sent: 600, failed: 0, queued: 0 });

		const stats = await fake.stats();
		expect(stats.rejected_requests).toBe(0);
		expect(stats.max_requests_in_any_second).toBeLessThanOrEqual(5);
		expect(stats.accepted_emails).toBe(1200);
		// Both workspaces hold the same 600 addresses: each address got exactly one email from each.
		const perAddress = new Map<string, number>();
		for (const e of (await fake.received()).emails)
			perAddress.set(e.to[0] ?? "", (perAddress.get(e.to[0] ?? "") ?? 0) + 1);
		expect(perAddress.size).toBe(600);
		expect([...perAddress.values()].every((n) => n === 2)).toBe(true);
	});

	it("fails only the address Resend rejects; the rest of its chunk is sent", async () => {
		const { cookie, templateId } = await sendingWorkspace(50);
		// An address Resend refuses (consecutive dots), as a contact stored before today's validation could hold.
		await env.DB.prepare("UPDATE contacts SET email = 'broken..dots@engine.example' WHERE email = ?")
			.bind("r00007@engine.example")
			.run();
		const id = await createCampaign(cookie, templateId);
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 50, sent: 49, failed: 1, queued: 0 });

		const received = await fake.received();
		expect(received.requests.map((r) => r.status)).toEqual([200]);
		const to = received.emails.map((e) => e.to[0]);
		expect(to).toHaveLength(49);
		expect(new Set(to).size).toBe(49);
		expect(to).not.toContain("broken..dots@engine.example");
		const log = await messageLog(cookie, id);
		const failed = log.filter((m) => m.status === "failed");
		expect(failed.map((m) => m.email)).toEqual(["broken..dots@engine.example"]);
		expect(failed[0]?.last_error).toMatch(/rejected by the provider: .*to.*email address/);
		expect(failed[0]?.provider_id).toBeNull();
		expect(log.filter((m) => m.status === "sent" && m.provider_id)).toHaveLength(49);
	});

	it("retries a proxy's HTML 503 and a JSON 500 without a status to completion, sending each recipient once", async () => {
		const { cookie, templateId } = await sendingWorkspace(250);
		const id = await createCampaign(cookie, templateId);
		await fake.faults({ queue: [{ kind: "503_html" }, { kind: "500_no_status" }, { kind: "503_html" }] });
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		const final = await waitForStatus(cookie, id, "completed");
		expect(final).toMatchObject({ audience: 250, sent: 250, failed: 0 });

		const received = await fake.received();
		expect(received.requests.filter((r) => r.status === 503 || r.status === 500)).toHaveLength(3);
		const to = received.emails.map((e) => e.to[0]);
		expect(to).toHaveLength(250);
		expect(new Set(to).size).toBe(250);
	});
});

describe("a chunk whose earlier attempt got no answer", () => {
	beforeEach(async () => {
		await fake.reset();
	});

	const provider = () => new ResendProvider("re_test_engine", env.FAKE_RESEND_URL, 1000);
	const markAmbiguous = (chunkId: string, hoursAgo: number) => {
		const since = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
		return env.DB.prepare("UPDATE chunks SET attempts = 1, last_error = ? WHERE id = ?")
			.bind(`unknown outcome since ${since}: network: TimeoutError`, chunkId)
			.run();
	};
	const statuses = async (chunkId: string) =>
		(
			await env.DB.prepare("SELECT status, count(*) AS n FROM messages WHERE chunk_id = ? GROUP BY status")
				.bind(chunkId)
				.all()
		).results;

	it("is re-sent with its key while Resend still remembers the key", async () => {
		const { cookie, templateId } = await sendingWorkspace(20);
		const { chunkId, message } = await chunkReadyToSend(cookie, templateId, 20);
		await markAmbiguous(chunkId, 2);
		expect(await sendChunk({ env, provider: provider(), requestsPerSecond: null }, message, 2)).toEqual({ ack: true });
		expect(await statuses(chunkId)).toEqual([{ status: "sent", n: 20 }]);
	});

	it("is not risked twice once the 24 h idempotency window may have passed: it fails with the reason", async () => {
		const { cookie, templateId } = await sendingWorkspace(20);
		const { chunkId, message } = await chunkReadyToSend(cookie, templateId, 20);
		await markAmbiguous(chunkId, 23.5);
		expect(await sendChunk({ env, provider: provider(), requestsPerSecond: null }, message, 2)).toEqual({ ack: true });
		expect((await fake.received()).requests).toHaveLength(0);
		expect(await statuses(chunkId)).toEqual([{ status: "failed", n: 20 }]);
		const row = await env.DB.prepare("SELECT last_error FROM messages WHERE chunk_id = ? LIMIT 1")
			.bind(chunkId)
			.first<{ last_error: string }>();
		expect(row?.last_error).toMatch(/idempotency key has expired/);
	});
});
