import {
	abortAllDurableObjects,
	createExecutionContext,
	createMessageBatch,
	getQueueResult,
	runInDurableObject,
} from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { closeCodeToEcho } from "../durable-objects/campaign-do";
import { type LiveMessage, LiveMessageSchema } from "../worker/contracts/live";
import worker from "../worker/index";
import { ORIGIN } from "./client";
import { hit, pathsIn, sentCampaign, stats, waitUntil } from "./tracking-helpers";

async function connect(cookie: string, campaignId: string, origin = ORIGIN) {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${campaignId}/live`, {
		headers: { upgrade: "websocket", cookie, origin },
	});
	const socket = res.webSocket;
	const closed: { code: number | null } = { code: null };
	if (!socket) return { status: res.status, messages: [] as LiveMessage[], closed, close: () => {} };
	const messages: LiveMessage[] = [];
	socket.accept();
	socket.addEventListener("message", (event) => messages.push(LiveMessageSchema.parse(JSON.parse(String(event.data)))));
	socket.addEventListener("close", (event) => {
		closed.code = event.code;
	});
	return { status: res.status, messages, closed, close: () => socket.close() };
}

describe("live campaign socket", () => {
	it("sends a snapshot, then a stats update after a pixel hit", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		const live = await connect(cookie, campaignId);
		expect(live.status).toBe(101);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		await hit(pathsIn(emails[0]?.html ?? "", "o")[0] ?? "");
		const update = await waitUntil(
			"a stats update",
			async () => live.messages.find((m) => m.type === "stats" && m.stats.unique_opens === 1) ?? null,
		);
		expect(update.type).toBe("stats");
		live.close();
	});

	it("gives a reconnecting client a fresh snapshot after its object was reset", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		await hit(pathsIn(emails[0]?.html ?? "", "c")[0] ?? "");
		await waitUntil("the click", async () => (await stats(cookie, campaignId)).clicks === 1);
		await abortAllDurableObjects();
		const live = await connect(cookie, campaignId);
		const snapshot = await waitUntil("the snapshot", async () => live.messages[0] ?? null);
		expect(snapshot).toMatchObject({ type: "snapshot", stats: { clicks: 1, unique_clicks: 1 } });
		live.close();
	});

	it("survives a browser that drops the connection without a close frame (1006), and answers with a normal close", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const dropped = [1006, 1005, 1015, 4001, 1000];
		const clients: Awaited<ReturnType<typeof connect>>[] = [];
		for (const _ of dropped) {
			const live = await connect(cookie, campaignId);
			await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
			clients.push(live);
		}
		// The runtime reports the drop to the object as it would for a real client (which cannot send 1006 itself).
		const errors = await runInDurableObject(env.CAMPAIGN.getByName(campaignId), async (instance, state) => {
			const sockets = state.getWebSockets();
			const failed: string[] = [];
			for (const [i, code] of dropped.entries()) {
				const ws = sockets[i];
				if (!ws) throw new Error("socket missing");
				await instance.webSocketClose(ws, code).catch((error) => failed.push(`${code}: ${error}`));
			}
			// A close for a socket already closed is a no-op, never an error.
			const first = sockets[0];
			if (first) await instance.webSocketClose(first, 1006).catch((error) => failed.push(`again: ${error}`));
			return failed;
		});
		expect(errors).toEqual([]);
		const codes = await waitUntil("every client closed", async () =>
			clients.every((c) => c.closed.code !== null) ? clients.map((c) => c.closed.code) : null,
		);
		// Only the application's own code (4001) is echoed; the others are answered with a normal close.
		expect([...codes].sort()).toEqual([1000, 1000, 1000, 1000, 4001]);
		expect([1001, 1003, 1011, 3000, 4999].map(closeCodeToEcho)).toEqual([1001, 1003, 1011, 3000, 4999]);
		expect([1004, 1005, 1006, 1015, 999, 2000, 5000].map(closeCodeToEcho)).toEqual([
			1000, 1000, 1000, 1000, 1000, 1000, 1000,
		]);
	});

	it("refuses a socket without a session, or opened from another site", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		expect((await connect("", campaignId)).status).toBe(401);
		expect((await connect(cookie, campaignId, "https://evil.example")).status).toBe(403);
		const stranger = await sentCampaign(1);
		expect((await connect(stranger.cookie, campaignId)).status).toBe(404);
	});
});

describe("events pipeline", () => {
	it("counts events once when the EVENTS batch is delivered twice", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		const messageId = emails[0]?.message_id ?? "";
		const body = {
			type: "tracking",
			kind: "open",
			message_id: messageId,
			method: "GET",
			at: Date.now(),
			user_agent: "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/17 Safari",
			ip: "203.0.113.9",
		};
		for (let i = 0; i < 2; i++) {
			const batch = createMessageBatch("pulse-events", [
				{ id: `ev-${i}`, timestamp: new Date(), attempts: i + 1, body },
			]);
			const ctx = createExecutionContext();
			await worker.queue(batch, env, ctx);
			expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`ev-${i}`]);
		}
		expect(await stats(cookie, campaignId)).toMatchObject({ opens: 1, unique_opens: 1 });
	});
});

describe("live token", () => {
	it("opens the socket with a short-lived pass instead of a cookie, and refuses a pass for another campaign", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const other = await sentCampaign(1);
		const pass = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${campaignId}/live-token`, {
			method: "POST",
			headers: { cookie, origin: ORIGIN },
		});
		const { token } = (await pass.json()) as { token: string };
		const ok = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${campaignId}/live?token=${token}`, {
			headers: { upgrade: "websocket" },
		});
		expect(ok.status).toBe(101);
		ok.webSocket?.accept();
		ok.webSocket?.close();
		const wrong = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${other.campaignId}/live?token=${token}`, {
			headers: { upgrade: "websocket" },
		});
		expect(wrong.status).toBe(401);
	});
});
