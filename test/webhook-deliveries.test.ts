import {
	createExecutionContext,
	createMessageBatch,
	createScheduledController,
	getQueueResult,
	runDurableObjectAlarm,
	runInDurableObject,
} from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ImportDO } from "../durable-objects/import-do";
import type { JourneyDO } from "../durable-objects/journey-do";
import type { Principal } from "../worker/context";
import type { WebhookDeliveryMessage } from "../worker/contracts/webhook-queue";
import { createDb } from "../worker/db/client";
import { setOptOuts } from "../worker/db/topics";
import { shardName, shardOf } from "../worker/domain/journeys/shards";
import { handleWebhooksBatch, webhookDeps } from "../worker/queue/webhooks-consumer";
import { handleScheduled } from "../worker/scheduled";
import { contactWriteEvents } from "../worker/services/contact-outbox";
import type { ImportJob } from "../worker/services/import-step";
import { startImport } from "../worker/services/imports";
import { emitWebhookEvent } from "../worker/services/outbound-webhooks";
import { unsubscribe } from "../worker/services/unsubscribe";
import { emitStoredEventWebhooks } from "../worker/services/webhook-emitters";
import { sweepWebhookOutbox } from "../worker/services/webhook-outbox-sweep";
import { applyResendEvent } from "../worker/services/webhooks";
import { call, createKey, env, ORIGIN, signupOwner } from "./client";
import { importCsv, waitForImport } from "./import-helpers";
import {
	hit,
	postWebhook,
	providerIdOf,
	resendEvent,
	sentCampaign,
	signedWebhook,
	unsubscribePath,
	waitUntil,
} from "./tracking-helpers";

const RECEIVER = "https://hooks.acme.test/pulse";

type Seen = { headers: Record<string, string>; body: string };

/** A receiver answering each POST with the next status (200 once they run out). */
function receiver(statuses: number[] = []) {
	const seen: Seen[] = [];
	const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		const request = new Request(input, init);
		seen.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
		return new Response("thanks", { status: statuses.shift() ?? 200 });
	};
	return { seen, fetch: fetch as typeof globalThis.fetch };
}

/** The queue's own consumer (same isolate) posts to `hook` instead of the network. */
function receiveThroughQueue(hook: ReturnType<typeof receiver>) {
	const original = globalThis.fetch;
	vi.spyOn(globalThis, "fetch").mockImplementation((input, init) =>
		String(input instanceof Request ? input.url : input).startsWith(RECEIVER)
			? hook.fetch(input, init)
			: original(input, init),
	);
}

/** A WEBHOOKS producer that keeps what is enqueued, so the test runs the consumer itself. */
function captureQueue() {
	const queued: WebhookDeliveryMessage[] = [];
	const queue = {
		sendBatch: async (messages: { body: WebhookDeliveryMessage }[]) => void queued.push(...messages.map((m) => m.body)),
		send: async (body: WebhookDeliveryMessage) => void queued.push(body),
	};
	return { queued, env: { DB: env.DB, WEBHOOKS: queue as unknown as Queue } };
}

/** Runs the consumer on one message; answers the queue's result and the delays its retries asked for. */
async function consume(
	body: WebhookDeliveryMessage,
	fetch: typeof globalThis.fetch,
	attempts = 1,
	runsOn: Partial<Env> = {},
) {
	const batch = createMessageBatch("pulse-webhooks", [{ id: `q${attempts}`, timestamp: new Date(), attempts, body }]);
	const delays: (number | undefined)[] = [];
	for (const message of batch.messages) {
		const retry = message.retry.bind(message);
		message.retry = (options) => {
			delays.push(options?.delaySeconds);
			retry(options);
		};
	}
	await handleWebhooksBatch(batch, webhookDeps({ ...env, ...runsOn }, { fetch }));
	return { ...(await getQueueResult(batch, createExecutionContext())), delays };
}

/** The cron trigger, as if it ran `afterMs` from now. */
const cron = (afterMs: number) =>
	handleScheduled(
		createScheduledController({ scheduledTime: Date.now() + afterMs, cron: "*/5 * * * *" }),
		env,
		createExecutionContext(),
	);

describe("outbound webhook deliveries", () => {
	let owner: Awaited<ReturnType<typeof signupOwner>>;
	let endpoint: { id: string; secret: string };
	const as = () => ({ cookie: owner.cookie });
	const replayOf = (deliveryId: string) =>
		call("POST", `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${deliveryId}/replay`, undefined, as());
	const deliveries = async () =>
		(await call("GET", `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, undefined, as())).json.data;

	beforeAll(async () => {
		owner = await signupOwner("Deliveries");
		const created = await call(
			"POST",
			"/api/v1/webhook-endpoints",
			{ url: RECEIVER, events: ["contact.created", "email.opened", "email.clicked", "email.bounced"] },
			as(),
		);
		endpoint = created.json;
		// The contacts the first events tell of (an event about a contact that is not there is never sent: erased).
		for (const [id, email] of [
			["ctc_1", "a@acme.test"],
			["ctc_9", "r@acme.test"],
		])
			await env.DB.prepare("INSERT INTO contacts (id, workspace_id, email) VALUES (?, ?, ?)")
				.bind(id, owner.workspace.id, email)
				.run();
	});
	afterEach(() => vi.restoreAllMocks());

	it("signs per Standard Webhooks and retries a 500 within seconds with the same webhook-id", async () => {
		const capture = captureQueue();
		await emitWebhookEvent(capture.env, owner.workspace.id, "contact.created", { id: "ctc_1", email: "a@acme.test" });
		await emitWebhookEvent(capture.env, owner.workspace.id, "import.completed", { import_id: "imp_1" });
		expect(capture.queued).toHaveLength(1); // not subscribed to import.completed

		const hook = receiver([500]);
		const first = await consume(capture.queued[0] as WebhookDeliveryMessage, hook.fetch);
		expect(first.retryMessages).toEqual([{ msgId: "q1" }]);
		expect(first.delays).toEqual([5]);
		expect((await deliveries())[0]).toMatchObject({ status: "pending", attempts: [{ status_code: 500 }] });

		const second = await consume(capture.queued[0] as WebhookDeliveryMessage, hook.fetch, 2);
		expect(second.explicitAcks).toEqual(["q2"]);
		const [a, b] = hook.seen;
		expect(a?.headers["webhook-id"]).toBe(b?.headers["webhook-id"]);
		for (const attempt of hook.seen) {
			const payload = new Webhook(endpoint.secret).verify(attempt.body, attempt.headers);
			expect(payload).toMatchObject({ type: "contact.created", data: { id: "ctc_1", email: "a@acme.test" } });
		}
		const [delivery] = await deliveries();
		expect(delivery).toMatchObject({
			status: "succeeded",
			event_type: "contact.created",
			webhook_id: a?.headers["webhook-id"],
		});
		expect(delivery.attempts.map((x: { status_code: number }) => x.status_code)).toEqual([500, 200]);
		expect(delivery.attempts.every((x: { duration_ms: number }) => Number.isInteger(x.duration_ms))).toBe(true);
	});

	it("in production, checks what the host resolves to before each call and never follows a redirect", async () => {
		const production = { APP_URL: "https://pulse.example.com" };
		const capture = captureQueue();
		await emitWebhookEvent(capture.env, owner.workspace.id, "contact.created", { id: "ctc_9", email: "r@acme.test" });
		const message = capture.queued[0] as WebhookDeliveryMessage;
		let dns = "203.0.113.10";
		const posted: string[] = [];
		const network = (async (input: RequestInfo | URL, init?: RequestInit) => {
			const url = new URL(String(input instanceof Request ? input.url : input));
			if (url.hostname === "cloudflare-dns.com") {
				const type = url.searchParams.get("type") === "A" ? 1 : 28;
				const answer = type === 1 ? [{ name: url.searchParams.get("name"), type, data: dns }] : [];
				return Response.json({ Status: 0, Answer: answer });
			}
			posted.push(url.toString());
			expect(init?.redirect).toBe("manual");
			return new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
		}) as typeof globalThis.fetch;

		await consume(message, network, 1, production);
		expect(posted).toEqual([RECEIVER]); // the redirect's target is never requested
		dns = "10.0.0.7"; // the name now points inside a network (DNS rebinding)
		await consume(message, network, 2, production);
		expect(posted).toHaveLength(1);
		const delivery = (await deliveries()).find((d: { webhook_id: string }) => d.webhook_id === message.delivery_id);
		expect(delivery.attempts).toMatchObject([
			{ status_code: 302, error: "HTTP 302" },
			{ status_code: null, error: "The webhook host resolves to a private address (10.0.0.7)" },
		]);
	});

	it("replays through the queue with the same webhook-id, signed by both secrets during a rotation", async () => {
		const [delivery] = await deliveries();
		const old = endpoint.secret;
		const rotated = await call("POST", `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {}, as());
		const hook = receiver();
		receiveThroughQueue(hook);
		const replay = await replayOf(delivery.id);
		expect(replay.status).toBe(202);
		const seen = await waitUntil("the replay", async () => hook.seen[0]);
		expect(seen.headers["webhook-id"]).toBe(delivery.webhook_id);
		expect(seen.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
		for (const secret of [old, rotated.json.secret]) new Webhook(secret).verify(seen.body, seen.headers);
		const replayed = await waitUntil("the replay recorded", async () => {
			const [latest] = await deliveries();
			return latest.status === "succeeded" && latest.attempts.length === 3 && latest;
		});
		expect(replayed.attempts.at(-1)).toMatchObject({ status_code: 200 });
	});

	it("a contact created through the API reaches the endpoint; opens, clicks and bounces carry their flags", async () => {
		const hook = receiver();
		receiveThroughQueue(hook);
		const created = await call("POST", "/api/v1/contacts", { email: "hooked@acme.test" }, as());
		const seen = await waitUntil("contact.created", async () => hook.seen[0]);
		expect(JSON.parse(seen.body)).toMatchObject({ type: "contact.created", data: { id: created.json.id } });

		const capture = captureQueue();
		const row = {
			workspaceId: owner.workspace.id,
			messageId: "msg_1",
			campaignId: "cmp_1",
			contactId: created.json.id,
		};
		const at = new Date();
		await emitStoredEventWebhooks(
			capture.env,
			[
				{ ...row, kind: "open", flag: "machine", url: null, occurredAt: at, dedupeKey: "o1" },
				{ ...row, kind: "click", flag: "bot", url: "https://shop.example/a", occurredAt: at, dedupeKey: "c1" },
				{ ...row, kind: "bounce", flag: null, url: null, occurredAt: at, dedupeKey: "b1" },
				{ ...row, kind: "open", flag: null, url: null, occurredAt: at, dedupeKey: "already-stored" },
			],
			new Set(["o1", "c1", "b1"]),
		);
		const bodies = capture.queued.map((m) => JSON.parse(m.body ?? "{}"));
		expect(bodies.map((b) => [b.type, b.data.machine ?? b.data.bot ?? null])).toEqual([
			["email.opened", true],
			["email.clicked", true],
			["email.bounced", null],
		]);
	});

	it("contacts written by an import, by Segment-style ingestion and by a one-click unsubscribe reach the endpoint", async () => {
		const shop = await sentCampaign(1);
		const hook = receiver();
		receiveThroughQueue(hook);
		const events = ["contact.created", "contact.updated", "contact.unsubscribed"];
		const added = await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/c`, events }, shop);
		expect(added.status).toBe(201);
		const told = (type: string, email: string) =>
			waitUntil(`${type} for ${email}`, async () =>
				hook.seen
					.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> })
					.find((b) => b.type === type && b.data.email === email),
			);

		await importCsv(
			shop.cookie,
			"email,first_name,tags,status\nnew@acme.test,Nia,vip,\np0@track.example,Pat,,\ngone@acme.test,,,unsubscribed\n",
		);
		expect((await told("contact.created", "new@acme.test")).data).toMatchObject({
			first_name: "Nia",
			status: "subscribed",
			added_tags: ["vip"],
			source: "import",
		});
		expect((await told("contact.updated", "p0@track.example")).data).toMatchObject({ first_name: "Pat" });
		await told("contact.created", "gone@acme.test");
		expect((await told("contact.unsubscribed", "gone@acme.test")).data).toMatchObject({ source: "import" });

		const ingestKey = (await createKey(shop.cookie, "ingest")).key;
		const identify = { userId: "u-77", traits: { email: "segment@acme.test", name: "Sam Segment" } };
		const ingested = await exports.default.fetch(`${ORIGIN}/v1/identify`, {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Basic ${btoa(`${ingestKey}:`)}` },
			body: JSON.stringify(identify),
		});
		expect(ingested.status).toBe(200);
		expect((await told("contact.created", "segment@acme.test")).data).toMatchObject({ first_name: "Sam" });

		const unsubscribed = await hit(unsubscribePath(shop.emails[0]?.headers ?? {}), {
			method: "POST",
			body: "List-Unsubscribe=One-Click",
			contentType: "application/x-www-form-urlencoded",
		});
		expect(unsubscribed.status).toBe(200);
		const p0 = (await call("GET", "/api/v1/contacts?q=p0", undefined, shop)).json.data[0];
		const link = await waitUntil("contact.unsubscribed from the link", async () =>
			hook.seen
				.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> })
				.find((b) => b.type === "contact.unsubscribed" && b.data.contact_id === p0.id),
		);
		expect(link.data).toMatchObject({ source: "link", campaign_id: shop.campaignId });
		// The contact's new status, as for any contact change.
		expect((await told("contact.updated", "p0@track.example")).data).toMatchObject({ first_name: "Pat" });
		const statusUpdate = await waitUntil("contact.updated from the link", async () =>
			hook.seen
				.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> })
				.find((b) => b.type === "contact.updated" && b.data.id === p0.id && b.data.source === "one_click"),
		);
		expect(statusUpdate.data).toMatchObject({ status: "unsubscribed", email: "p0@track.example" });
	});

	it("a bounce, a complaint and the preference page change the contact: contact.updated tells the endpoint", async () => {
		const shop = await sentCampaign(3);
		const hook = receiver();
		receiveThroughQueue(hook);
		const events = ["contact.updated", "contact.unsubscribed"];
		expect((await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/crm`, events }, shop)).status).toBe(
			201,
		);
		const news = (await call("POST", "/api/v1/topics", { name: "Product news" }, shop)).json;
		const bodies = () => hook.seen.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });
		const told = (email: string, source: string) =>
			waitUntil(`contact.updated of ${email} by ${source}`, async () =>
				bodies().find((b) => b.type === "contact.updated" && b.data.email === email && b.data.source === source),
			);
		let svix = 0;
		const resend = async (type: string, email: string, extra: Record<string, unknown> = {}) => {
			const event = resendEvent(type, await providerIdOf(shop.campaignId, email), extra);
			const posted = await postWebhook(signedWebhook(`msg_hooks_${Date.now()}_${++svix}`, event));
			expect(posted.json.applied).toBe(true);
		};

		await resend("email.bounced", "p0@track.example", { bounce: { type: "Permanent", message: "no such user" } });
		expect((await told("p0@track.example", "resend webhook")).data).toMatchObject({ status: "bounced" });
		await resend("email.complained", "p1@track.example");
		expect((await told("p1@track.example", "resend webhook")).data).toMatchObject({ status: "complained" });
		await resend("email.complained", "p1@track.example"); // already complained: the contact does not change

		const p2 = shop.emails.find((e) => e.to === "p2@track.example");
		const path = `${unsubscribePath(p2?.headers ?? {})}/preferences`;
		const form = { method: "POST", body: "", contentType: "application/x-www-form-urlencoded" };
		expect((await hit(path, form)).status).toBe(200); // every topic unticked: opted out of Product news
		const chosen = await told("p2@track.example", "preference page");
		expect(chosen.data).toMatchObject({
			status: "subscribed",
			topics: [{ id: news.id, name: "Product news", subscribed: false }],
		});
		const contact = (await call("GET", `/api/v1/contacts/${chosen.data.id}`, undefined, shop)).json;
		expect(contact.updated_at).toBe(chosen.data.updated_at);
		expect((await hit(path, form)).status).toBe(200); // the same choice again changes nothing

		await waitUntil("the deliveries recorded", async () => hook.seen.length >= 3);
		const updates = bodies().filter((b) => b.type === "contact.updated");
		expect(updates.map((b) => [b.data.email, b.data.source])).toEqual([
			["p0@track.example", "resend webhook"],
			["p1@track.example", "resend webhook"],
			["p2@track.example", "preference page"],
		]);
		expect(bodies().filter((b) => b.type === "contact.unsubscribed")).toEqual([]);
	});

	it("an import's contact events and import.completed wait in its object while the queue refuses them, and are sent once", async () => {
		const team = await signupOwner("Imports");
		const hook = receiver();
		receiveThroughQueue(hook);
		const events = ["contact.created", "import.completed"];
		const added = await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/imports`, events }, team);
		const refusing = { sendBatch: () => Promise.reject(new Error("queue unavailable")) } as unknown as Queue;
		let importer: DurableObjectStub<ImportDO> | undefined;
		/** The importer's object sends through `webhooks` (and its own alarm waits while the test runs it). */
		const runsWith = (webhooks: Queue) =>
			runInDurableObject(importer as DurableObjectStub<ImportDO>, async (object: ImportDO, state) => {
				(object as unknown as { env: Env }).env = { ...env, WEBHOOKS: webhooks };
				if (await state.storage.getAlarm()) await state.storage.setAlarm(Date.now() + 60_000);
			});
		// The import's object refuses from its first step: as the upload route does, with the queue down.
		const uploads = {
			getByName: (name: string) => {
				importer = env.IMPORTER.getByName(name);
				return {
					receive: async (at: number, part: ArrayBuffer) => {
						await runsWith(refusing);
						return importer?.receive(at, part);
					},
					start: (job: ImportJob, size: number) => importer?.start(job, size),
				};
			},
		};
		const actor = {
			kind: "session",
			userId: team.user.id,
			sessionId: "s",
			workspaceId: team.workspace.id,
			role: "owner",
		};
		const csv = new TextEncoder().encode("email\nfirst@acme.test\nsecond@acme.test\nnot-an-email\n");
		const importId = await startImport(
			{ ...env, IMPORTER: uploads } as unknown as Env,
			actor as Principal,
			{
				bytes: csv.buffer as ArrayBuffer,
				name: "list.csv",
			},
			null,
		);
		expect(await waitForImport(team.cookie, importId)).toMatchObject({ status: "completed", created: 2 });
		expect(hook.seen).toEqual([]);
		const stored = () =>
			runInDurableObject(importer as DurableObjectStub<ImportDO>, (_: ImportDO, s) => s.storage.get("job"));
		expect(await stored()).toMatchObject({ settling: true, sendTries: expect.any(Number) }); // kept to try again

		await runsWith(env.WEBHOOKS);
		await runDurableObjectAlarm(importer as DurableObjectStub<ImportDO>);
		const bodies = () => hook.seen.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });
		await waitUntil("the held events", async () => hook.seen.length >= 3);
		expect(bodies().map((b) => [b.type, b.data.email ?? b.data.import_id])).toEqual(
			expect.arrayContaining([
				["contact.created", "first@acme.test"],
				["contact.created", "second@acme.test"],
				["import.completed", importId],
			]),
		);
		const told = hook.seen.find((x) => JSON.parse(x.body).type === "import.completed");
		expect(new Webhook(added.json.secret).verify(told?.body ?? "", told?.headers ?? {})).toMatchObject({
			data: { import_id: importId, status: "completed", total_rows: 3, created: 2, errors: 1 },
		});
		expect(await stored()).toBeUndefined();

		// As if the object had crashed after the last commit, before it forgot the job: the repeat is the same delivery.
		const job = { importId, workspaceId: team.workspace.id, size: 0, counted: true, failures: 0 };
		await runInDurableObject(importer as DurableObjectStub<ImportDO>, async (_: ImportDO, state) => {
			await state.storage.put("job", job);
			await state.storage.setAlarm(Date.now() + 60_000);
		});
		const capture = captureQueue();
		await runsWith(capture.env.WEBHOOKS);
		expect(await runDurableObjectAlarm(importer as DurableObjectStub<ImportDO>)).toBe(true);
		expect(capture.queued.map((m) => [m.event_type, m.delivery_id])).toEqual([
			["import.completed", told?.headers["webhook-id"]],
		]);
		expect((await consume(capture.queued[0] as WebhookDeliveryMessage, hook.fetch)).explicitAcks).toHaveLength(1);
		expect(hook.seen).toHaveLength(3); // already delivered: not posted again
	});

	it("tells the endpoint when a contact enters a journey and when they leave it", async () => {
		const hook = receiver();
		receiveThroughQueue(hook);
		const subscribed = { url: `${RECEIVER}/journeys`, events: ["journey.enrolled", "journey.exited"] };
		expect((await call("POST", "/api/v1/webhook-endpoints", subscribed, as())).status).toBe(201);
		const contact = await call("POST", "/api/v1/contacts", { email: "journeyer@acme.test" }, as());
		const definition = {
			entry: { type: "api" },
			start: "mark",
			nodes: { mark: { type: "update_contact", add_tags: ["welcomed"], next: "done" }, done: { type: "exit" } },
		};
		const journey = await call("POST", "/api/v1/journeys", { name: "Hooked", definition }, as());
		expect((await call("POST", `/api/v1/journeys/${journey.json.id}/activate`, undefined, as())).status).toBe(200);
		const enrolled = await call(
			"POST",
			`/api/v1/journeys/${journey.json.id}/enroll`,
			{ contact_id: contact.json.id },
			as(),
		);
		expect(enrolled.status).toBe(202);
		const journeyBodies = () =>
			hook.seen.map((s) => JSON.parse(s.body)).filter((b) => String(b.type).startsWith("journey."));
		const bodies = await waitUntil("journey webhooks", async () => {
			const found = journeyBodies();
			return found.length >= 2 ? found : undefined;
		});
		const expected = {
			journey_id: journey.json.id,
			enrollment_id: enrolled.json.enrollment_id,
			contact_id: contact.json.id,
		};
		expect(bodies.map((b) => b.type).sort()).toEqual(["journey.enrolled", "journey.exited"]);
		expect(bodies.find((b) => b.type === "journey.enrolled")?.data).toMatchObject(expected);
		expect(bodies.find((b) => b.type === "journey.exited")?.data).toMatchObject({
			...expected,
			status: "completed",
			exit_reason: "completed",
		});
	});

	it("journey.enrolled and journey.exited wait in the shard's outbox while the queue refuses them, then go out", async () => {
		const team = await signupOwner("Journey outbox");
		const as = { cookie: team.cookie };
		const hook = receiver();
		receiveThroughQueue(hook);
		const events = ["journey.enrolled", "journey.exited"];
		expect((await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/j`, events }, as)).status).toBe(201);
		const contact = (await call("POST", "/api/v1/contacts", { email: "outboxed@acme.test" }, as)).json;
		const definition = {
			entry: { type: "api" },
			start: "done",
			nodes: { done: { type: "exit" } },
		};
		const journey = (await call("POST", "/api/v1/journeys", { name: "Outboxed", definition }, as)).json;
		expect((await call("POST", `/api/v1/journeys/${journey.id}/activate`, undefined, as)).status).toBe(200);
		const shard = env.JOURNEY.getByName(shardName(journey.id, shardOf(contact.id)));
		const refusing = { sendBatch: () => Promise.reject(new Error("queue unavailable")) } as unknown as Queue;
		let queue: Queue | undefined;
		const webhooksQueue = (next: Queue | null) =>
			runInDurableObject(shard, (object: JourneyDO) => {
				const flush = (object as unknown as { flush: { env: Env } }).flush;
				queue ??= flush.env.WEBHOOKS;
				flush.env = { ...flush.env, WEBHOOKS: next ?? queue };
			});

		await webhooksQueue(refusing);
		await call("POST", `/api/v1/journeys/${journey.id}/enroll`, { contact_id: contact.id }, as);
		const enrollments = await call("GET", `/api/v1/journeys/${journey.id}/enrollments`, undefined, as);
		expect(enrollments.json.data).toMatchObject([{ contact_id: contact.id, status: "completed" }]);
		expect(hook.seen).toEqual([]);

		await webhooksQueue(null);
		expect(await runDurableObjectAlarm(shard)).toBe(true); // the retry the failed flush armed
		const told = await waitUntil("the journey webhooks", async () => hook.seen.length >= 2 && hook.seen);
		expect(told.map((x) => JSON.parse(x.body)).map((b) => [b.type, b.data.contact_id])).toEqual(
			expect.arrayContaining([
				["journey.enrolled", contact.id],
				["journey.exited", contact.id],
			]),
		);
	});

	it("a contact created while the queue refuses its event is sent by the cron, once, with the contact", async () => {
		const queue = env.WEBHOOKS as unknown as { sendBatch: Queue["sendBatch"] };
		const sendBatch = queue.sendBatch;
		queue.sendBatch = () => Promise.reject(new Error("queue unavailable"));
		let created: Awaited<ReturnType<typeof call>>;
		try {
			created = await call("POST", "/api/v1/contacts", { email: "kept@acme.test", first_name: "Kim" }, as());
		} finally {
			queue.sendBatch = sendBatch;
		}
		expect(created.status).toBe(201);
		// Still down at the next run: the event waits and is tried again later, not at the run after.
		const refused: WebhookDeliveryMessage[] = [];
		const down = {
			sendBatch: async (messages: { body: WebhookDeliveryMessage }[]) => {
				refused.push(...messages.map((m) => m.body));
				throw new Error("queue unavailable");
			},
		} as unknown as Queue;
		await sweepWebhookOutbox({ DB: env.DB, WEBHOOKS: down }, Date.now() + 2 * 60_000);
		expect(refused.filter((m) => m.endpoint_id === endpoint.id)).toHaveLength(1);
		const early = captureQueue();
		await sweepWebhookOutbox(early.env, Date.now() + 3 * 60_000);
		expect(early.queued.filter((m) => m.endpoint_id === endpoint.id)).toEqual([]);

		const hook = receiver();
		receiveThroughQueue(hook);
		await cron(10 * 60_000);
		const seen = await waitUntil("the kept contact.created", async () => hook.seen[0]);
		expect(new Webhook(endpoint.secret).verify(seen.body, seen.headers)).toMatchObject({
			type: "contact.created",
			data: { id: created.json.id, email: "kept@acme.test", first_name: "Kim", source: "api" },
		});
		const later = captureQueue(); // the next runs find nothing left to send
		await sweepWebhookOutbox(later.env, Date.now() + 20 * 60_000);
		expect(later.queued.filter((m) => m.endpoint_id === endpoint.id)).toEqual([]);
		expect(hook.seen).toHaveLength(1);
	});

	it("one cron run sends every kept event page after page, not one page per run", async () => {
		const queue = env.WEBHOOKS as unknown as { sendBatch: Queue["sendBatch"] };
		const sendBatch = queue.sendBatch;
		queue.sendBatch = () => Promise.reject(new Error("queue unavailable"));
		const emails = ["page1@acme.test", "page2@acme.test", "page3@acme.test"];
		try {
			for (const email of emails) expect((await call("POST", "/api/v1/contacts", { email }, as())).status).toBe(201);
		} finally {
			queue.sendBatch = sendBatch;
		}
		const run = captureQueue();
		// Pages of one row: the three events take three pages of the same run.
		await sweepWebhookOutbox(run.env, Date.now() + 2 * 60_000, { pageRows: 1, pages: 100 });
		const told = run.queued.filter((m) => m.endpoint_id === endpoint.id);
		expect(told).toHaveLength(3);
		const next = captureQueue();
		await sweepWebhookOutbox(next.env, Date.now() + 20 * 60_000);
		expect(next.queued.filter((m) => m.endpoint_id === endpoint.id)).toEqual([]);
	});

	it("an event the queue took but answered with an error, sent again by the cron, is one delivery", async () => {
		const capture = captureQueue();
		const ambiguous = {
			sendBatch: async (messages: { body: WebhookDeliveryMessage }[]) => {
				await capture.env.WEBHOOKS.sendBatch(messages);
				throw new Error("timed out");
			},
		} as unknown as Queue;
		await emitWebhookEvent({ ...capture.env, WEBHOOKS: ambiguous }, owner.workspace.id, "email.opened", {
			message_id: "msg_kept",
		});
		for (const minutes of [2, 7]) await sweepWebhookOutbox(capture.env, Date.now() + minutes * 60_000);
		const ours = capture.queued.filter((m) => m.endpoint_id === endpoint.id);
		expect(ours).toHaveLength(2); // the writer's, and the first cron run's
		expect(ours[1]?.delivery_id).toBe(ours[0]?.delivery_id);

		const hook = receiver();
		for (const message of ours) expect((await consume(message, hook.fetch)).explicitAcks).toHaveLength(1);
		expect(hook.seen.map((x) => x.headers["webhook-id"])).toEqual([ours[0]?.delivery_id]);
		const recorded = (await deliveries()).filter((d: { webhook_id: string }) => d.webhook_id === ours[0]?.delivery_id);
		expect(recorded).toMatchObject([{ status: "succeeded", event_type: "email.opened" }]);
	});

	it("a contact write whose worker stopped right after it is sent by the cron with the contact; an erased one never", async () => {
		const [created, erased] = await Promise.all(
			["crashed@acme.test", "erased@acme.test"].map((email) =>
				call("POST", "/api/v1/contacts", { email, last_name: "Ito" }, as()),
			),
		);
		// What each write's batch left in the outbox when nothing ran after it.
		const endpoints = [{ id: endpoint.id, events: ["contact.created"] }];
		const change = { created: true, unsubscribed: false, source: "api" };
		const db = createDb(env.DB);
		for (const contact of [created?.json, erased?.json])
			for (const statement of contactWriteEvents(owner.workspace.id, endpoints, contact, change, new Date()).statements(
				db,
			))
				await statement;
		// And one the queue refused, with the address in it.
		const refusing = { sendBatch: () => Promise.reject(new Error("queue unavailable")) } as unknown as Queue;
		const data = { id: erased?.json.id, email: "erased@acme.test" };
		await emitWebhookEvent({ DB: env.DB, WEBHOOKS: refusing }, owner.workspace.id, "contact.created", data);
		expect((await call("DELETE", `/api/v1/contacts/${erased?.json.id}`, undefined, as())).status).toBe(200);

		const capture = captureQueue();
		await sweepWebhookOutbox(capture.env, Date.now() + 2 * 60_000);
		const ours = capture.queued.filter((m) => m.endpoint_id === endpoint.id).map((m) => JSON.parse(m.body ?? ""));
		expect(ours).toMatchObject([
			{
				type: "contact.created",
				data: { id: created?.json.id, email: "crashed@acme.test", last_name: "Ito", source: "api" },
			},
		]);
		expect(JSON.stringify(ours)).not.toContain("erased@acme.test");
	});

	it("erasing a contact redacts their deliveries: none waiting is sent after, a replay is refused, the log keeps its lines", async () => {
		const team = await signupOwner("Erased deliveries");
		const events = ["contact.created", "contact.updated"];
		const added = (await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/erased`, events }, team)).json;
		const log = async () =>
			(await call("GET", `/api/v1/webhook-endpoints/${added.id}/deliveries`, undefined, team)).json.data as {
				id: string;
				status: string;
				event_type: string;
				attempts: { status_code: number | null; error?: string }[];
			}[];
		const hook = receiver();
		receiveThroughQueue(hook);
		const contact = (await call("POST", "/api/v1/contacts", { email: "forget.me@acme.test" }, team)).json;
		await waitUntil("contact.created delivered", async () => (await log())[0]?.status === "succeeded");
		// Then two updates: one failed once and waits for its retry, one still in the queue when the contact goes.
		const capture = captureQueue();
		for (const first_name of ["Fay", "Fern"])
			await emitWebhookEvent(capture.env, team.workspace.id, "contact.updated", { ...contact, first_name });
		const [retried, queued] = capture.queued.filter((m) => m.endpoint_id === added.id);
		await consume(retried as WebhookDeliveryMessage, receiver([500]).fetch);

		expect((await call("DELETE", `/api/v1/contacts/${contact.id}`, undefined, team)).status).toBe(200);
		const after = receiver();
		for (const [message, attempts] of [
			[retried, 2],
			[queued, 1],
		] as const)
			expect((await consume(message as WebhookDeliveryMessage, after.fetch, attempts)).explicitAcks).toHaveLength(1);
		expect(after.seen).toEqual([]);
		const deliveries = await log();
		expect(JSON.stringify(deliveries)).not.toContain("forget.me");
		const erased = { status: "failed", event_type: "contact.updated" };
		const note = { status_code: null, error: "Not sent: the contact was erased" };
		expect(deliveries).toMatchObject([
			{ ...erased, id: queued?.delivery_id, attempts: [note] },
			{ ...erased, id: retried?.delivery_id, attempts: [{ status_code: 500 }, note] },
			{ status: "succeeded", event_type: "contact.created", attempts: [{ status_code: 200 }] },
		]);
		const stored = await env.DB.prepare("SELECT body FROM webhook_deliveries WHERE endpoint_id = ?")
			.bind(added.id)
			.all<{ body: string }>();
		expect(stored.results).toHaveLength(3);
		for (const row of stored.results) expect(row.body).not.toContain("forget.me");
		const replay = await call(
			"POST",
			`/api/v1/webhook-endpoints/${added.id}/deliveries/${deliveries[2]?.id}/replay`,
			undefined,
			team,
		);
		expect(replay.status).toBe(409);
		expect(replay.text).toContain("contact was erased");
	});

	it("a bounce, a complaint and an unsubscribe whose contact.updated the worker could not send (it stopped, the queue refused) are sent by the cron, once each", async () => {
		const shop = await sentCampaign(3);
		const events = ["contact.updated"];
		const added = (await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/bounces`, events }, shop)).json;
		const event = async (type: string, email: string) =>
			resendEvent(type, await providerIdOf(shop.campaignId, email), {
				bounce: { type: "Permanent", message: "no such user" },
			});
		// The worker stops right after the bounce's batch: nothing runs after it.
		const bounced = await applyResendEvent(
			createDb(env.DB),
			"msg_stopped",
			await event("email.bounced", "p0@track.example"),
		);
		expect(bounced.changedContact).not.toBeNull();
		// The complaint is answered while the queue refuses its contact.updated; Resend's retry changes nothing.
		const queue = env.WEBHOOKS as unknown as { sendBatch: Queue["sendBatch"] };
		const sendBatch = queue.sendBatch;
		queue.sendBatch = () => Promise.reject(new Error("queue unavailable"));
		const complaint = signedWebhook("msg_refused", await event("email.complained", "p1@track.example"));
		try {
			expect((await postWebhook(complaint)).json.applied).toBe(true);
			expect((await postWebhook(complaint)).json.reason).toBe("duplicate");
		} finally {
			queue.sendBatch = sendBatch;
		}

		// One-click unsubscribe, and the worker stops right after its batch.
		const message = await env.DB.prepare("SELECT id, contact_id FROM messages WHERE campaign_id = ? AND email = ?")
			.bind(shop.campaignId, "p2@track.example")
			.first<{ id: string; contact_id: string }>();
		const target = {
			messageId: message?.id ?? "",
			contactId: message?.contact_id ?? "",
			workspaceId: shop.workspace.id,
		};
		expect((await unsubscribe(createDb(env.DB), target, "one_click")).changed).not.toBeNull();

		const capture = captureQueue();
		await sweepWebhookOutbox(capture.env, Date.now() + 2 * 60_000);
		const told = capture.queued.filter((m) => m.endpoint_id === added.id);
		const hook = receiver();
		for (const message of told) await consume(message, hook.fetch);
		const bodies = hook.seen.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });
		expect(bodies.map((b) => [b.type, b.data.email, b.data.status, b.data.source]).sort()).toEqual([
			["contact.updated", "p0@track.example", "bounced", "resend webhook"],
			["contact.updated", "p1@track.example", "complained", "resend webhook"],
			["contact.updated", "p2@track.example", "unsubscribed", "one_click"],
		]);
		const later = captureQueue(); // nothing left for the next run
		await sweepWebhookOutbox(later.env, Date.now() + 20 * 60_000);
		expect(later.queued.filter((m) => m.endpoint_id === added.id)).toEqual([]);
	});

	it("deleting a topic tells the endpoint contact.updated for each contact who had opted out of it", async () => {
		const team = await signupOwner("Topics");
		const events = ["contact.updated"];
		const added = await call("POST", "/api/v1/webhook-endpoints", { url: `${RECEIVER}/topics`, events }, team);
		const topic = (await call("POST", "/api/v1/topics", { name: "Product news" }, team)).json;
		const [out, stays] = await Promise.all(
			["optout@acme.test", "stays@acme.test"].map(
				async (email) => (await call("POST", "/api/v1/contacts", { email }, team)).json,
			),
		);
		await setOptOuts(createDb(env.DB), team.workspace.id, out.id, [topic.id], new Date());
		expect((await call("DELETE", `/api/v1/topics/${topic.id}`, undefined, team)).status).toBe(200);

		const capture = captureQueue();
		await sweepWebhookOutbox(capture.env, Date.now());
		const told = capture.queued.filter((m) => m.endpoint_id === added.json.id).map((m) => JSON.parse(m.body ?? ""));
		expect(told).toMatchObject([
			{
				type: "contact.updated",
				data: { id: out.id, email: "optout@acme.test", source: "topic deleted", deleted_topic: { id: topic.id } },
			},
		]);
		expect(JSON.stringify(told)).not.toContain(stays.id);
	});

	it("turns off an endpoint that failed every attempt for a day, and tells its admins", async () => {
		const capture = captureQueue();
		await emitWebhookEvent(capture.env, owner.workspace.id, "email.opened", { message_id: "msg_2" });
		const dayAgo = Date.now() - 24 * 3600_000 - 1000;
		await env.DB.prepare("UPDATE webhook_endpoints SET failing_since = ? WHERE id = ?").bind(dayAgo, endpoint.id).run();
		const result = await consume(capture.queued[0] as WebhookDeliveryMessage, receiver([503]).fetch);
		expect(result.explicitAcks).toHaveLength(1);
		const listed = (await call("GET", "/api/v1/webhook-endpoints", undefined, as())).json.data.find(
			(e: { id: string }) => e.id === endpoint.id,
		);
		expect(listed).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("a day") });
		const audit = await call("GET", "/api/v1/audit-log", undefined, as());
		expect(audit.text).toContain("webhook_endpoint.disabled");
		const inbox = await call("GET", "/api/v1/notifications", undefined, as());
		expect(inbox.text).toContain("webhook endpoint was turned off");
		// Replaying needs the endpoint on again.
		const [latest] = await deliveries();
		const replay = await replayOf(latest.id);
		expect(replay.status).toBe(409);
		// A delivery that does not exist is not found, whatever the endpoint's state.
		expect((await replayOf("whd_nope")).status).toBe(404);
	});
});
