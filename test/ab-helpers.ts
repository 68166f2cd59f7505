import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import type { CampaignDO } from "../durable-objects/campaign-do";
import type { State } from "../durable-objects/campaign-state";
import { type LiveMessage, LiveMessageSchema } from "../worker/contracts/live";
import { call, ORIGIN, signupOwner } from "./client";
import { importCsv } from "./import-helpers";
import { waitUntil } from "./principal-clock";
import { hit, unsubscribePath } from "./tracking-helpers";

export type Message = { contact_id: string; variant_id: string | null; status: string; chunk_id: string | null };

/** A workspace with `size` subscribed contacts (one of them on the suppression list) and two templates. */
export async function abWorkspace(size: number) {
	const owner = await signupOwner("AB Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "5 Split St", default_from_email: "ab@ab.example", send_rate_per_second: 10_000 },
		{ cookie },
	);
	const rows = Array.from({ length: size }, (_, i) => `ab${String(i).padStart(4, "0")}@ab.example`);
	await importCsv(cookie, `email\n${rows.join("\n")}\n`);
	await env.DB.prepare("INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, 'complained')")
		.bind(owner.workspace.id, "ab0007@ab.example")
		.run();
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: "T", subject: "Base", html: "<p>Hi</p>" },
		{ cookie },
	);
	const other = await call("POST", "/api/v1/templates", { name: "U", subject: "Other", html: "<p>B</p>" }, { cookie });
	return {
		cookie,
		userId: owner.user.id as string,
		templateId: template.json.id as string,
		otherTemplateId: other.json.id as string,
	};
}

export const messagesOf = async (campaignId: string) =>
	(
		await env.DB.prepare("SELECT contact_id, variant_id, status, chunk_id FROM messages WHERE campaign_id = ?")
			.bind(campaignId)
			.all<Message>()
	).results;

/** Runs the campaign object's alarm until the fan-out of its current phase is written, then waits for the sends. */
export async function fanOutAndSettle(campaignId: string) {
	const stub = env.CAMPAIGN.getByName(campaignId);
	for (let i = 0; i < 20 && !(await stub.getState())?.fanoutDone; i++) await runDurableObjectAlarm(stub);
	await waitUntil(async () => (await messagesOf(campaignId)).every((m) => m.status !== "queued"), 15_000);
}

/**
 * Moves the test's start `ms` into the past (the object's stored clock and D1's mirror), as if the object had not
 * looked for an early stop since, then evicts the object.
 */
export async function testStartedAgo(campaignId: string, ms: number) {
	const stub = env.CAMPAIGN.getByName(campaignId);
	await runInDurableObject(stub, async (_: CampaignDO, ctx) => {
		const state = await ctx.storage.get<State>("state");
		if (!state?.ab) throw new Error("no A/B state");
		state.ab.startedAt -= ms;
		state.ab.lastEarlyCheck = 0;
		await ctx.storage.put("state", state);
	});
	await env.DB.prepare("UPDATE campaign_ab_tests SET started_at = started_at - ? WHERE campaign_id = ?")
		.bind(ms, campaignId)
		.run();
	await evict(campaignId);
}

/** The object forgets everything it holds in memory, as when the runtime evicts it. */
export async function evict(campaignId: string) {
	await runInDurableObject(env.CAMPAIGN.getByName(campaignId), (_: CampaignDO, ctx) => ctx.abort("evicted")).catch(
		() => undefined,
	);
}

/** When the campaign object will next wake by itself (null: not until something happens to it). */
export const alarmOf = (campaignId: string) =>
	runInDurableObject(env.CAMPAIGN.getByName(campaignId), (_: CampaignDO, ctx) => ctx.storage.getAlarm());

/** The campaign's live socket, as the dashboard opens it: every message it receives, in order. */
export async function liveSocket(cookie: string, campaignId: string) {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/campaigns/${campaignId}/live`, {
		headers: { upgrade: "websocket", cookie, origin: ORIGIN },
	});
	const socket = res.webSocket;
	if (!socket) throw new Error(`no socket: ${res.status}`);
	const messages: LiveMessage[] = [];
	socket.accept();
	socket.addEventListener("message", (event) => {
		if (event.data !== "pong") messages.push(LiveMessageSchema.parse(JSON.parse(String(event.data))));
	});
	return { messages, phases: () => messages.flatMap((m) => (m.type === "ab" ? [m] : [])), close: () => socket.close() };
}

/**
 * People who clicked, as the EVENTS consumer records them (flag null: a person, not a scanner): the arm's first
 * `count` recipients (a repeat with a larger count adds the later ones).
 */
export async function humanClicks(campaignId: string, variantId: string, count: number) {
	const { results } = await env.DB.prepare(
		"SELECT id, workspace_id, contact_id FROM messages WHERE campaign_id = ? AND variant_id = ? AND status = 'sent' LIMIT ?",
	)
		.bind(campaignId, variantId, count)
		.all<{ id: string; workspace_id: string; contact_id: string }>();
	await env.DB.batch(
		results.map((m) =>
			env.DB.prepare(
				"INSERT OR IGNORE INTO tracking_events (id, workspace_id, message_id, campaign_id, contact_id, kind, url, occurred_at) VALUES (?, ?, ?, ?, ?, 'click', 'https://ab.example/x', ?)",
			).bind(`trk_${m.id}`, m.workspace_id, m.id, campaignId, m.contact_id, Date.now()),
		),
	);
}

/**
 * An A/B campaign created from `body` (name, template, variants, ab_test) and sent until its test group is mailed:
 * its id, its variants' ids in order, and the test group's messages.
 */
export async function sentAbTest(cookie: string, body: Record<string, unknown>) {
	const created = await call("POST", "/api/v1/campaigns", body, { cookie });
	if (created.status !== 201) throw new Error(`campaign refused: ${created.text}`);
	const id = created.json.id as string;
	const [a, b] = (created.json.variants as { id: string }[]).map((v) => v.id);
	if (!a || !b) throw new Error("variants missing");
	const sent = await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
	if (sent.status !== 202) throw new Error(`send refused: ${sent.text}`);
	await fanOutAndSettle(id);
	const test = await messagesOf(id);
	return { id, a, b, test, testers: new Set(test.map((m) => m.contact_id)) };
}

/** The test's messages were sent `ms` earlier than they were (sent and delivered times move together). */
export async function sentAgo(campaignId: string, ms: number) {
	await env.DB.prepare(
		"UPDATE messages SET sent_at = sent_at - ?1, delivered_at = delivered_at - ?1 WHERE campaign_id = ?2",
	)
		.bind(ms, campaignId)
		.run();
}

/** One arm's sent messages, with when each was sent. */
export async function sentIn(campaignId: string, variantId: string) {
	const { results } = await env.DB.prepare(
		"SELECT contact_id, email, sent_at FROM messages WHERE campaign_id = ? AND variant_id = ? AND status = 'sent' ORDER BY contact_id",
	)
		.bind(campaignId, variantId)
		.all<{ contact_id: string; email: string; sent_at: number }>();
	return results;
}

/** Events as a shop's backend tracks them (`POST /api/v1/events`), each at its own time. */
export async function trackEvents(cookie: string, batch: { contact_id: string; name: string; at: number }[]) {
	const res = await call(
		"POST",
		"/api/v1/events",
		{
			batch: batch.map((e) => ({ contact_id: e.contact_id, name: e.name, occurred_at: new Date(e.at).toISOString() })),
		},
		{ cookie },
	);
	if (res.status !== 202 || res.json.accepted !== batch.length) throw new Error(`events refused: ${res.text}`);
}

/** Recipients who pressed their mail app's one-click unsubscribe, recorded once the EVENTS consumer has them. */
export async function oneClickUnsubscribes(cookie: string, campaignId: string, emails: string[]) {
	const outbox = await call("GET", `/api/v1/outbox?campaign_id=${campaignId}&limit=500`, undefined, { cookie });
	const headersOf = new Map(
		(outbox.json.data as { to: string; headers: Record<string, string> }[]).map((e) => [e.to, e.headers]),
	);
	for (const email of emails) {
		const res = await hit(unsubscribePath(headersOf.get(email) ?? {}), {
			method: "POST",
			body: "List-Unsubscribe=One-Click",
			contentType: "application/x-www-form-urlencoded",
		});
		if (res.status !== 200) throw new Error(`unsubscribe of ${email} failed: ${res.status}`);
	}
	await waitUntil(async () => {
		const row = await env.DB.prepare(
			"SELECT count(*) AS n FROM tracking_events WHERE campaign_id = ? AND kind = 'unsubscribe'",
		)
			.bind(campaignId)
			.first<{ n: number }>();
		return row?.n === emails.length;
	}, 15_000);
}
