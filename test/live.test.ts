import {
	abortAllDurableObjects,
	createExecutionContext,
	createMessageBatch,
	getQueueResult,
	runInDurableObject,
} from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { closeCodeToEcho } from "../durable-objects/close-code";
import { type LiveMessage, LiveMessageSchema } from "../worker/contracts/live";
import worker from "../worker/index";
import { ORIGIN } from "./client";
import {
	hit,
	pathsIn,
	postWebhook,
	providerIdOf,
	resendEvent,
	sentCampaign,
	signedWebhook,
	stats,
	unsubscribePath,
	waitUntil,
} from "./tracking-helpers";

async function connect(cookie: string, campaignId: string, origin = ORIGIN) {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${campaignId}/live`, {
		headers: { upgrade: "websocket", cookie, origin },
	});
	const socket = res.webSocket;
	const closed: { code: number | null } = { code: null };
	if (!socket)
		return {
			status: res.status,
			messages: [] as LiveMessage[],
			frames: [] as string[],
			closed,
			send: () => {},
			close: () => {},
		};
	const messages: LiveMessage[] = [];
	const frames: string[] = [];
	socket.accept();
	socket.addEventListener("message", (event) => {
		const text = String(event.data);
		frames.push(text);
		if (text !== "pong") messages.push(LiveMessageSchema.parse(JSON.parse(text)));
	});
	socket.addEventListener("close", (event) => {
		closed.code = event.code;
	});
	return {
		status: res.status,
		messages,
		frames,
		closed,
		send: (text: string) => socket.send(text),
		close: () => socket.close(),
	};
}

/** The socket's latest numbers (snapshot or update). */
const latest = (live: { messages: LiveMessage[] }) =>
	live.messages.findLast((m) => m.type === "snapshot" || m.type === "stats") as
		| Extract<LiveMessage, { type: "stats" }>
		| undefined;

/** Stats as compared between the socket and the API: links in a fixed order (ties have none). */
const comparable = (s: { links: { url: string }[] }) => ({
	...s,
	links: [...s.links].sort((a, b) => a.url.localeCompare(b.url)),
});

/** Runs the EVENTS consumer on one batch, as the queue would deliver it. */
async function deliverEvents(id: string, body: unknown, attempts = 1) {
	const batch = createMessageBatch("pulse-events", [{ id, timestamp: new Date(), attempts, body }]);
	const ctx = createExecutionContext();
	await worker.queue(batch, env, ctx);
	return getQueueResult(batch, ctx);
}

const openEvent = (messageId: string, at = Date.now()) => ({
	type: "tracking",
	kind: "open",
	message_id: messageId,
	method: "GET",
	at,
	user_agent: "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/17 Safari",
	ip: "203.0.113.9",
});

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

describe("live numbers held by the campaign object", () => {
	it("shows the same numbers on the socket as the stats API after opens and clicks", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(4);
		const live = await connect(cookie, campaignId);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		const [a, b, c, mpp] = emails.map((e) => pathsIn(e.html, "o")[0] ?? "");
		for (const [i, pixel] of [a, b, c].entries()) await hit(pixel ?? "", { ip: `198.51.100.${i}` });
		await hit(mpp ?? "", { agent: "Mozilla/5.0", ip: "17.1.2.3" });
		await hit(pathsIn(emails[1]?.html ?? "", "c")[0] ?? "");
		await hit(pathsIn(emails[2]?.html ?? "", "c")[1] ?? "", { method: "HEAD" });
		const api = await waitUntil("every hit counted", async () => {
			const now = await stats(cookie, campaignId);
			return now.opens === 4 && now.clicks === 2 ? now : null;
		});
		expect(api).toMatchObject({ unique_opens: 3, machine_opens: 1, unique_clicks: 1, bot_clicks: 1 });
		const shown = await waitUntil("the socket's numbers", async () => {
			const now = latest(live);
			return now && now.stats.opens === 4 && now.stats.clicks === 2 ? now.stats : null;
		});
		expect(comparable(shown)).toEqual(comparable(api));
		live.close();
	});

	it("changes the live numbers once when an EVENTS batch is delivered twice", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(2);
		const live = await connect(cookie, campaignId);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		const body = openEvent(emails[0]?.message_id ?? "");
		expect((await deliverEvents("twice-1", body)).explicitAcks).toEqual(["twice-1"]);
		expect((await deliverEvents("twice-1", body, 2)).explicitAcks).toEqual(["twice-1"]);
		// A later event of another recipient: the update that shows it carries both deliveries' effect.
		await deliverEvents("later", openEvent(emails[1]?.message_id ?? ""));
		const shown = await waitUntil("both opens on the socket", async () => {
			const now = latest(live);
			return now && now.stats.unique_opens === 2 ? now.stats : null;
		});
		expect(shown).toMatchObject({ opens: 2, unique_opens: 2 });
		expect(await stats(cookie, campaignId)).toMatchObject({ opens: 2, unique_opens: 2 });
		live.close();
	});

	it("shows an unsubscribe and a provider's bounce on the socket", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(2);
		const live = await connect(cookie, campaignId);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		const res = await hit(unsubscribePath(emails[0]?.headers ?? {}), {
			method: "POST",
			body: "List-Unsubscribe=One-Click",
			contentType: "application/x-www-form-urlencoded",
		});
		expect(res.status).toBe(200);
		await waitUntil("the unsubscribe on the socket", async () => latest(live)?.stats.unsubscribed === 1);
		const providerId = await providerIdOf(campaignId, "p1@track.example");
		const bounce = resendEvent("email.bounced", providerId, { bounce: { type: "Permanent", message: "no such user" } });
		expect((await postWebhook(signedWebhook(`msg_live_${Date.now()}`, bounce))).json.applied).toBe(true);
		const shown = await waitUntil("the bounce on the socket", async () => {
			const now = latest(live);
			return now?.stats.bounced === 1 ? now.stats : null;
		});
		expect(shown).toMatchObject({ unsubscribed: 1, bounced: 1, sent: 2 });
		expect(comparable(shown)).toEqual(comparable(await stats(cookie, campaignId)));
		live.close();
	});

	it("answers the dashboard's ping without waking the object (runtime auto-response)", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const live = await connect(cookie, campaignId);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		const pair = await runInDurableObject(env.CAMPAIGN.getByName(campaignId), async (_, state) => {
			const auto = state.getWebSocketAutoResponse();
			return auto ? { request: auto.request, response: auto.response } : null;
		});
		expect(pair).toEqual({ request: "ping", response: "pong" });
		live.send("ping");
		await waitUntil("the pong", async () => live.frames.includes("pong"));
		live.close();
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
