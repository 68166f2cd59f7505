import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { SendsQueueMessage } from "../worker/contracts/queue";
import { sendChunk } from "../worker/queue/sends-consumer";
import { sweepJourneyChunks } from "../worker/services/journey-chunks";
import {
	dispatchJourneySends,
	engagedFrom,
	type JourneySend,
	journeyCampaignId,
	journeyEmailStats,
	journeyEngagement,
} from "../worker/services/journey-sends";
import { call, ORIGIN, signupOwner } from "./client";
import {
	activeJourney,
	alarmAt,
	clockAll,
	contact,
	deliverSends,
	enrollmentOf,
	HOUR,
	shardFor,
} from "./journey-helpers";
import { hit, pathsIn, unsubscribePath, waitUntil } from "./tracking-helpers";

/** A workspace with three contacts (one unsubscribed) and a template with a link. */
async function journeyWorkspace() {
	const owner = await signupOwner("Journey Sends Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "1 Flow St", default_from_email: "hello@flow.example", default_from_name: "Flow" },
		{ cookie },
	);
	const contacts: string[] = [];
	for (const [email, status] of [
		["ann@flow.example", "subscribed"],
		["bob@flow.example", "subscribed"],
		["cat@flow.example", "unsubscribed"],
	]) {
		const res = await call("POST", "/api/v1/contacts", { email, status }, { cookie });
		contacts.push(res.json.id);
	}
	const template = await call(
		"POST",
		"/api/v1/templates",
		{
			name: "Welcome",
			subject: "Welcome {{ contact.email }}",
			html: '<p>Hi</p><a href="https://flow.example/start">Start</a>',
		},
		{ cookie },
	);
	return { ...owner, workspaceId: owner.workspace.id as string, contacts, templateId: template.json.id as string };
}

/** The journey's "welcome" email to one contact, keyed `key`. */
const welcomeSend = (
	ws: { workspaceId: string; templateId: string },
	journeyId: string,
	key: string,
	contactId: string,
): JourneySend => ({
	key,
	workspaceId: ws.workspaceId,
	journeyId,
	nodeId: "welcome",
	templateId: ws.templateId,
	contactId,
	transactional: false,
	baseUrl: ORIGIN,
});

const outboxOf = async (campaignId: string) =>
	(
		await env.DB.prepare("SELECT to_email, headers, html FROM outbox_messages WHERE campaign_id = ? ORDER BY to_email")
			.bind(campaignId)
			.all<{ to_email: string; headers: string; html: string }>()
	).results;

describe("journey emails through the send pipeline", () => {
	it("sends each key once however often it is dispatched, and tracks it like a broadcast's", async () => {
		const ws = await journeyWorkspace();
		const journeyId = `jny_test${Date.now()}`;
		const sends = ws.contacts.map((contactId, i) => welcomeSend(ws, journeyId, `enr_${i}:welcome:1`, contactId));
		await dispatchJourneySends(env, sends);
		// A crash and a redelivery: the same keys again, in another order.
		await dispatchJourneySends(env, [...sends].reverse());
		const campaignId = await journeyCampaignId(journeyId, "welcome");
		const rows = (
			await env.DB.prepare("SELECT step_id, status, chunk_id FROM messages WHERE campaign_id = ? ORDER BY step_id")
				.bind(campaignId)
				.all<{ step_id: string; status: string; chunk_id: string | null }>()
		).results;
		expect(rows.map((r) => r.step_id)).toEqual(sends.map((s) => s.key));
		// The unsubscribed contact is never chunked.
		expect(rows[2]?.status).toBe("suppressed");
		const chunkIds = [...new Set(rows.map((r) => r.chunk_id).filter((c): c is string => c !== null))];
		expect(chunkIds).toHaveLength(1);

		// The chunk delivered twice in one batch (and by the local queue too): one provider call, one email each.
		const result = await deliverSends(ws.workspaceId, campaignId, [...chunkIds, ...chunkIds]);
		expect(result.explicitAcks).toHaveLength(2);
		await waitUntil("both sent", async () => (await outboxOf(campaignId)).length === 2);
		await dispatchJourneySends(env, sends);
		await deliverSends(ws.workspaceId, campaignId, chunkIds);
		const outbox = await outboxOf(campaignId);
		expect(outbox.map((o) => o.to_email)).toEqual(["ann@flow.example", "bob@flow.example"]);
		// A marketing email: List-Unsubscribe (RFC 8058) and tracked links, as a broadcast's.
		const headers = JSON.parse(outbox[0]?.headers ?? "{}") as Record<string, string>;
		expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		expect(unsubscribePath(headers)).not.toBe("");

		// A human click on Ann's email counts for the node and for branch-on-engagement; Bob's scanner click does not.
		await env.DB.prepare("UPDATE messages SET sent_at = sent_at - 3600000 WHERE campaign_id = ?")
			.bind(campaignId)
			.run();
		const [click] = pathsIn(outbox[0]?.html ?? "", "c");
		expect((await hit(click ?? "")).status).toBe(302);
		const [scan] = pathsIn(outbox[1]?.html ?? "", "c");
		await hit(scan ?? "", { method: "HEAD" });
		await waitUntil(
			"click recorded",
			async () => (await journeyEmailStats(env, ws.workspaceId, journeyId)).welcome?.clicks === 1,
		);
		const stats = await journeyEmailStats(env, ws.workspaceId, journeyId);
		expect(stats.welcome).toMatchObject({ sent: 2, clicks: 1 });
		const found = await journeyEngagement(env, ws.workspaceId, journeyId, ["enr_0", "enr_1", "enr_2"]);
		expect(engagedFrom(found, "enr_0")("welcome", "clicked")).toBe(true);
		expect(engagedFrom(found, "enr_1")("welcome", "clicked")).toBe(false);
		expect(engagedFrom(found, "enr_0")("other", "clicked")).toBe(false);

		// The node's hidden campaign is not a broadcast: the campaign list leaves it out.
		const list = await call("GET", "/api/v1/campaigns", undefined, { cookie: ws.cookie });
		expect(list.json.data.map((c: { id: string }) => c.id)).not.toContain(campaignId);
	});

	it("branches on a human open of the enrollment's earlier email (a machine open does not count); an unsubscribe from it exits at once", async () => {
		const ws = await journeyWorkspace();
		const [ann = "", bob = ""] = ws.contacts;
		const tag = (name: string, next: string) => ({ type: "update_contact", add_tags: [name], next });
		const journeyId = await activeJourney(ws.cookie, {
			entry: { type: "api" },
			start: "hello",
			nodes: {
				hello: { type: "send_email", template_id: ws.templateId, next: "wait" },
				wait: { type: "delay", duration: "PT1H", next: "check" },
				check: { type: "branch", paths: [{ if: { engagement: "opened", node: "hello" }, next: "warm" }], else: "cold" },
				warm: tag("warm", "done"),
				cold: tag("cold", "later"),
				later: { type: "delay", duration: "P1D", next: "done" },
				done: { type: "exit" },
			},
		});
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		for (const id of [ann, bob]) await shardFor(journeyId, id).enroll(journeyId, [{ contactId: id }]);
		const campaignId = await journeyCampaignId(journeyId, "hello");
		const chunks = await env.DB.prepare("SELECT DISTINCT chunk_id FROM messages WHERE campaign_id = ?")
			.bind(campaignId)
			.all<{ chunk_id: string }>();
		await deliverSends(
			ws.workspaceId,
			campaignId,
			chunks.results.map((r) => r.chunk_id),
		);
		const [annMail, bobMail] = await waitUntil("both sent", async () => {
			const sent = await outboxOf(campaignId);
			return sent.length === 2 ? sent : null;
		});
		await env.DB.prepare("UPDATE messages SET sent_at = sent_at - 3600000 WHERE campaign_id = ?")
			.bind(campaignId)
			.run();
		const pixel = (html = "") => /(\/t\/o\/[\w-]+)/.exec(html)?.[1] ?? "";
		await hit(pixel(annMail?.html));
		await hit(pixel(bobMail?.html), { agent: "Mozilla/5.0", ip: "17.58.1.2" }); // Apple's privacy prefetch
		await waitUntil("both opens recorded", async () => {
			const row = await env.DB.prepare("SELECT count(*) AS n FROM tracking_events WHERE campaign_id = ?")
				.bind(campaignId)
				.first<{ n: number }>();
			return (row?.n ?? 0) >= 2;
		});

		for (const id of [ann, bob]) await alarmAt(journeyId, id, t0 + HOUR);
		expect((await contact(ws.cookie, ann)).tags).toEqual(["warm"]);
		expect((await contact(ws.cookie, bob)).tags).toEqual(["cold"]);
		expect(await enrollmentOf(journeyId, bob)).toMatchObject({ status: "active", node_id: "later" });

		// Bob's one-click unsubscribe reaches his shard through the EVENTS queue: he leaves now, not at his next step.
		const unsubscribe = /(\/u\/[\w-]+)/.exec(JSON.parse(bobMail?.headers ?? "{}")["List-Unsubscribe"] ?? "")?.[1] ?? "";
		const res = await hit(unsubscribe, {
			method: "POST",
			body: "List-Unsubscribe=One-Click",
			contentType: "application/x-www-form-urlencoded",
		});
		expect(res.status).toBeLessThan(300);
		const left = await waitUntil("Bob exits", async () => {
			const e = await enrollmentOf(journeyId, bob);
			return e?.status === "exited" ? e : null;
		});
		expect(left).toMatchObject({ exit_reason: "unsubscribed", node_id: "later" });
		expect(await enrollmentOf(journeyId, ann)).toMatchObject({ status: "completed" });
	});

	it("holds a journey email past the frequency cap a broadcast used up the same day, then past quiet hours", async () => {
		const { cookie } = await signupOwner("Quiet Co");
		const rules = { postal_address: "4 Calm St", default_from_email: "hi@calm.example", timezone: "UTC" };
		await call("PATCH", "/api/v1/workspace", { ...rules, frequency_cap: { max: 1, per: "P1D" } }, { cookie });
		const ann = (await call("POST", "/api/v1/contacts", { email: "ann@calm.example" }, { cookie })).json.id as string;
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "S", html: "<p>Hi</p>" },
			{ cookie },
		);
		const broadcast = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "News", template_id: template.json.id },
			{ cookie },
		);
		await call("POST", `/api/v1/campaigns/${broadcast.json.id}/send`, undefined, { cookie });
		const sentAt = await waitUntil("the broadcast sent", async () => {
			const row = await env.DB.prepare("SELECT sent_at FROM messages WHERE campaign_id = ? AND status = 'sent'")
				.bind(broadcast.json.id)
				.first<{ sent_at: number }>();
			return row?.sent_at ?? null;
		});
		// Quiet hours around the broadcast's time of day (UTC): when Ann's cap frees a day later, it is quiet.
		const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);
		const quiet = { start: hhmm(sentAt - 30 * 60_000), end: hhmm(sentAt + 30 * 60_000) };
		await call("PATCH", "/api/v1/workspace", { quiet_hours: quiet }, { cookie });
		const cal = (await call("POST", "/api/v1/contacts", { email: "cal@calm.example" }, { cookie })).json.id as string;
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "hello",
			nodes: { hello: { type: "send_email", template_id: template.json.id, next: "done" }, done: { type: "exit" } },
		});
		const campaignId = await journeyCampaignId(journeyId, "hello");
		const mailed = async (contactId: string) =>
			(
				await env.DB.prepare("SELECT count(*) AS n FROM messages WHERE campaign_id = ? AND contact_id = ?")
					.bind(campaignId, contactId)
					.first<{ n: number }>()
			)?.n ?? 0;

		const later = sentAt + 2 * HOUR; // the same day, outside quiet hours
		await clockAll(journeyId, later);
		for (const id of [ann, cal]) await shardFor(journeyId, id).enroll(journeyId, [{ contactId: id }]);
		expect(await mailed(cal)).toBe(1); // no broadcast today: sent at once
		expect(await mailed(ann)).toBe(0);
		expect(await enrollmentOf(journeyId, ann)).toMatchObject({ status: "active", node_id: "hello" });

		await alarmAt(journeyId, ann, sentAt + 24 * HOUR + 60_000); // the cap has room again, but it is quiet
		expect(await mailed(ann)).toBe(0);
		await alarmAt(journeyId, ann, sentAt + 24 * HOUR + 31 * 60_000); // quiet hours over
		expect(await mailed(ann)).toBe(1);
		expect(await enrollmentOf(journeyId, ann)).toMatchObject({ status: "completed" });
	});

	it("pauses a journey email's node for the provider's daily quota and sends it after the reset; a lost chunk is sent again", async () => {
		const ws = await journeyWorkspace();
		const [ann = "", bob = ""] = ws.contacts;
		// The SENDS queue as a list: the test delivers (or loses) each message itself.
		const queued: SendsQueueMessage[] = [];
		const sends = {
			sendBatch: async (batch: { body: SendsQueueMessage }[]) => void queued.push(...batch.map((m) => m.body)),
		};
		const quietEnv = { ...env, SENDS: sends as unknown as Queue } as Env;
		const journeyId = `jny_quota${Date.now()}`;
		const send = (key: string, contactId: string) => welcomeSend(ws, journeyId, key, contactId);
		await dispatchJourneySends(quietEnv, [send("enr_a:welcome:1", ann)]);
		const first = queued.splice(0);
		expect(first).toHaveLength(1);
		const campaignId = await journeyCampaignId(journeyId, "welcome");
		const resetsAt = Date.now() + 3_600_000;
		const overQuota = {
			name: "resend" as const,
			sendBatch: async () => ({
				ok: false as const,
				retryable: false,
				retryAfterMs: null,
				status: 429,
				error: "daily_quota_exceeded",
				quota: { kind: "daily" as const, resetsAt },
			}),
		};
		const refused = await sendChunk(
			{ env, provider: overQuota, requestsPerSecond: null },
			first[0] as SendsQueueMessage,
			1,
		);
		expect(refused).toEqual({ ack: true }); // parked, not retried towards the dead-letter queue
		const state = async () =>
			env.DB.prepare(
				"SELECT c.status AS campaign, c.pause_reason AS reason, ch.status AS chunk FROM campaigns c JOIN chunks ch ON ch.campaign_id = c.id WHERE c.id = ?",
			)
				.bind(campaignId)
				.first<{ campaign: string; reason: string | null; chunk: string }>();
		expect(await state()).toMatchObject({ campaign: "paused", chunk: "paused" });
		expect(JSON.parse((await state())?.reason ?? "{}")).toMatchObject({ code: "provider_quota", quota: "daily" });

		await sweepJourneyChunks(quietEnv, resetsAt - 1000); // not reset yet
		expect(queued).toHaveLength(0);
		await sweepJourneyChunks(quietEnv, resetsAt + 1000);
		expect(await state()).toMatchObject({ campaign: "sending", chunk: "queued", reason: null });
		expect(queued.map((m) => m.chunk_id)).toEqual(first.map((m) => m.chunk_id));
		await deliverSends(
			ws.workspaceId,
			campaignId,
			queued.splice(0).map((m) => m.chunk_id),
		);
		expect((await outboxOf(campaignId)).map((o) => o.to_email)).toEqual(["ann@flow.example"]);

		// Bob's chunk message is lost: a sweep past the stale threshold enqueues it again, and he gets his email once.
		await dispatchJourneySends(quietEnv, [send("enr_b:welcome:1", bob)]);
		const lost = queued.splice(0);
		await sweepJourneyChunks(quietEnv, Date.now());
		expect(queued).toHaveLength(0); // not stale yet
		await sweepJourneyChunks(quietEnv, Date.now() + 10 * 60_000);
		expect(queued.map((m) => m.chunk_id)).toEqual(lost.map((m) => m.chunk_id));
		await deliverSends(
			ws.workspaceId,
			campaignId,
			queued.splice(0).map((m) => m.chunk_id),
		);
		expect((await outboxOf(campaignId)).map((o) => o.to_email)).toEqual(["ann@flow.example", "bob@flow.example"]);
	});
});
