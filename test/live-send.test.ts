import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CampaignDO } from "../durable-objects/campaign-do";
import { type LiveMessage, LiveMessageSchema } from "../worker/contracts/live";
import { emptyDelta } from "../worker/domain/tracking/live-stats";
import { call, ORIGIN, signupOwner } from "./client";
import { importCsv } from "./import-helpers";
import { sentCampaign, stats, waitUntil } from "./tracking-helpers";

async function connect(cookie: string, campaignId: string) {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${campaignId}/live`, {
		headers: { upgrade: "websocket", cookie, origin: ORIGIN },
	});
	const socket = res.webSocket;
	if (!socket) throw new Error(`no socket: ${res.status}`);
	const messages: LiveMessage[] = [];
	socket.accept();
	socket.addEventListener("message", (event) => {
		const text = String(event.data);
		if (text !== "pong") messages.push(LiveMessageSchema.parse(JSON.parse(text)));
	});
	return { messages, close: () => socket.close() };
}

const latestStats = (messages: LiveMessage[]) =>
	messages.findLast((m) => m.type === "snapshot" || m.type === "stats") as
		| Extract<LiveMessage, { type: "stats" }>
		| undefined;

/** A draft campaign to `size` subscribed contacts. */
async function draftCampaign(size: number) {
	const owner = await signupOwner("Live Send Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "4 Live St", default_from_email: "l@live.example" },
		{ cookie },
	);
	const rows = Array.from({ length: size }, (_, i) => `l${i}@live.example`);
	await importCsv(cookie, `email\n${rows.join("\n")}\n`);
	const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>Hi</p>" }, { cookie });
	const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, { cookie });
	return { cookie, campaignId: campaign.json.id as string };
}

describe("live send progress", () => {
	it("shows a send's progress on the socket as it happens, ending on the same numbers as the stats API", async () => {
		const { cookie, campaignId } = await draftCampaign(4);
		const live = await connect(cookie, campaignId);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		await call("POST", `/api/v1/campaigns/${campaignId}/send`, undefined, { cookie });
		await waitUntil("the send to complete", async () => (await stats(cookie, campaignId)).status === "completed");
		const final = await stats(cookie, campaignId);
		expect(final).toMatchObject({ audience: 4, sent: 4, queued: 0 });
		await waitUntil("the socket to show the final numbers", async () => {
			const last = latestStats(live.messages)?.stats;
			return last?.status === "completed" && JSON.stringify(last) === JSON.stringify(final);
		});
		live.close();
	});

	it("moves the socket's numbers by the counts a settled chunk reports, without re-reading D1", async () => {
		const { cookie, campaignId } = await sentCampaign(2);
		const live = await connect(cookie, campaignId);
		await waitUntil("the snapshot", async () => live.messages[0]?.type === "snapshot");
		const delta = emptyDelta();
		delta.counts = { queued: -3, sent: 3 };
		await runInDurableObject(env.CAMPAIGN.getByName(campaignId), (object: CampaignDO) => object.chunkSettled(delta));
		// D1 still says 2 sent: a socket showing 5 got its numbers from the chunk's report.
		const moved = await waitUntil(
			"the settled chunk's counts",
			async () => live.messages.find((m) => m.type === "stats" && m.stats.sent === 5) ?? null,
		);
		expect(moved).toMatchObject({ stats: { sent: 5, queued: 0 } });
		expect((await stats(cookie, campaignId)).sent).toBe(2);
		live.close();
	});
});
