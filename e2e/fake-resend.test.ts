import { createServer } from "node:http";
import { Resend } from "resend";
import { Webhook } from "svix";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeResend } from "../scripts/fake-resend.mjs";

type Fake = Awaited<ReturnType<typeof startFakeResend>>;
type Stats = {
	total_requests: number;
	accepted_requests: number;
	replayed_requests: number;
	rejected_requests: number;
	accepted_emails: number;
	distinct_recipients: number;
	max_requests_in_any_second: number;
	first_at: number | null;
	last_at: number | null;
};
type Received = {
	emails: {
		id: string;
		from: string;
		to: string[];
		subject: string;
		html: string | null;
		text: string | null;
		headers: Record<string, string>;
		idempotencyKey: string | null;
		receivedAt: number;
	}[];
	requests: {
		at: number;
		status: number;
		idempotencyKey: string | null;
		count: number;
		accepted: boolean;
		replayed: boolean;
		fault: string | null;
	}[];
};

let fake: Fake;
let resend: Resend;

/** Talks to the admin API over HTTP, the way a test running inside workerd would. */
async function admin<T>(path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${fake.url}/__admin/${path}`, {
		method: body === undefined ? "GET" : "POST",
		headers: { "content-type": "application/json" },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.status, `admin ${path}`).toBe(200);
	return (await response.json()) as T;
}

function batch(size = 2, subject = "Hello") {
	return Array.from({ length: size }, (_, i) => ({
		from: "Pulse <news@example.com>",
		to: [`user${i}@example.com`],
		subject,
		html: `<p>Hi ${i}</p>`,
		text: `Hi ${i}`,
		headers: { "List-Unsubscribe": `<https://example.com/u/${i}>` },
	}));
}

const key = () => `test/${crypto.randomUUID()}`;

beforeAll(async () => {
	// Unlimited, so tests that send in bursts see only the faults they ask for; the default is tested on its own.
	fake = await startFakeResend({ rateLimitPerSecond: null });
	resend = new Resend("re_test", { baseUrl: fake.url });
});
afterAll(async () => {
	await fake?.close();
});
beforeEach(async () => {
	await admin("reset", {});
});

describe("fake resend: happy path and idempotency", () => {
	it("accepts a batch through the real SDK and records every email", async () => {
		const idempotencyKey = key();
		const { data, error } = await resend.batch.send(batch(3), { idempotencyKey });
		expect(error).toBeNull();
		expect(data?.data).toHaveLength(3);
		const ids = data?.data.map((e) => e.id) ?? [];
		expect(new Set(ids).size).toBe(3);

		const received = await admin<Received>("received");
		expect(received.emails.map((e) => e.id)).toEqual(ids);
		expect(received.emails[1]).toMatchObject({
			from: "Pulse <news@example.com>",
			to: ["user1@example.com"],
			subject: "Hello",
			html: "<p>Hi 1</p>",
			text: "Hi 1",
			idempotencyKey,
			headers: { "List-Unsubscribe": "<https://example.com/u/1>" },
		});
		expect(received.requests).toMatchObject([{ status: 200, idempotencyKey, count: 3, accepted: true }]);
		const stats = await admin<Stats>("stats");
		expect(stats).toMatchObject({ accepted_requests: 1, accepted_emails: 3, distinct_recipients: 3 });
	});

	it("replays the same response for the same key and body without recording again", async () => {
		const idempotencyKey = key();
		const first = await resend.batch.send(batch(2), { idempotencyKey });
		const second = await resend.batch.send(batch(2), { idempotencyKey });
		expect(second.error).toBeNull();
		expect(second.data?.data).toEqual(first.data?.data);
		const received = await admin<Received>("received");
		expect(received.emails).toHaveLength(2);
		expect(received.requests.map((r) => r.replayed)).toEqual([false, true]);
		expect((await admin<Stats>("stats")).replayed_requests).toBe(1);
	});

	it("rejects a different body under a used key with invalid_idempotent_request", async () => {
		const idempotencyKey = key();
		await resend.batch.send(batch(2), { idempotencyKey });
		const { data, error } = await resend.batch.send(batch(2, "Changed"), { idempotencyKey });
		expect(data).toBeNull();
		expect(error).toMatchObject({ name: "invalid_idempotent_request", statusCode: 409 });
		expect((await admin<Received>("received")).emails).toHaveLength(2);
	});

	it("accepts permissive batches, skipping invalid emails and listing them in errors", async () => {
		const emails = [...batch(2), { from: "a@example.com", to: "b@example.com", subject: "", html: "x" }];
		const { data, error } = await resend.batch.send(emails, { batchValidation: "permissive" });
		expect(error).toBeNull();
		expect(data?.data).toHaveLength(2);
		expect(data?.errors).toEqual([{ index: 2, message: expect.stringContaining("emails[2].subject") }]);
	});
});

describe("fake resend: validation and auth", () => {
	it("names the failing index and field, and enforces 1..100 emails", async () => {
		const bad = batch(3);
		bad[1] = { ...(bad[1] as (typeof bad)[number]), subject: "" };
		const invalid = await resend.batch.send(bad);
		expect(invalid.error).toMatchObject({ name: "validation_error", statusCode: 422 });
		expect(invalid.error?.message).toContain("emails[1].subject");

		const tooMany = await resend.batch.send(batch(101));
		expect(tooMany.error).toMatchObject({ name: "validation_error", statusCode: 422 });
		const empty = await resend.batch.send([]);
		expect(empty.error).toMatchObject({ name: "validation_error", statusCode: 422 });
		const noBody = await resend.batch.send([{ from: "a@example.com", to: "b@example.com", subject: "s" } as never]);
		expect(noBody.error?.message).toContain("emails[0].html");
		expect((await admin<Received>("received")).emails).toHaveLength(0);
	});

	it("answers auth failures, malformed JSON and unknown routes with JSON errors", async () => {
		const post = (path: string, body: string, headers: Record<string, string> = {}) =>
			fetch(`${fake.url}${path}`, { method: "POST", headers, body });
		const missing = await post("/emails/batch", "[]");
		expect(missing.status).toBe(401);
		expect(await missing.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
		const invalid = await post("/emails/batch", "[]", { authorization: "Bearer sk_nope" });
		expect(invalid.status).toBe(403);
		expect(await invalid.json()).toMatchObject({ name: "invalid_api_key" });
		const malformed = await post("/emails/batch", "[{oops", { authorization: "Bearer re_x" });
		expect(malformed.status).toBe(400);
		expect(await malformed.json()).toMatchObject({ name: "validation_error" });
		const unknown = await fetch(`${fake.url}/nope`);
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toMatchObject({ name: "not_found" });
		const badAdmin = await post("/__admin/faults", "{nope");
		expect(badAdmin.status).toBe(400);
		const badFault = await post("/__admin/faults", JSON.stringify({ queue: [{ kind: "boom" }] }));
		expect(badFault.status).toBe(400);
	});
});

describe("fake resend: injected faults", () => {
	it("429 carries retry-after and rate-limit headers the SDK exposes", async () => {
		await admin("faults", { queue: [{ kind: "429", retryAfter: 7 }] });
		const limited = await resend.batch.send(batch(1), { idempotencyKey: key() });
		expect(limited.error).toMatchObject({ name: "rate_limit_exceeded", statusCode: 429 });
		expect(limited.headers?.["retry-after"]).toBe("7");
		const next = await resend.batch.send(batch(1), { idempotencyKey: key() });
		expect(next.error).toBeNull();
		expect((await admin<Received>("received")).requests.map((r) => r.status)).toEqual([429, 200]);
	});

	it("500 is an error and records nothing", async () => {
		await admin("faults", { queue: [{ kind: "500" }] });
		const { error } = await resend.batch.send(batch(2), { idempotencyKey: key() });
		expect(error).toMatchObject({ name: "internal_server_error", statusCode: 500 });
		expect((await admin<Received>("received")).emails).toHaveLength(0);
	});

	it("422 fault is a validation error and records nothing", async () => {
		await admin("faults", { queue: [{ kind: "422" }] });
		const { error } = await resend.batch.send(batch(2));
		expect(error).toMatchObject({ name: "validation_error", statusCode: 422 });
		expect((await admin<Received>("received")).emails).toHaveLength(0);
	});

	it("timeout_after_accept records the batch, never answers, and a retry replays the first ids", async () => {
		await admin("faults", { queue: [{ kind: "timeout_after_accept" }] });
		const idempotencyKey = key();
		const started = Date.now();
		const outcome = await resend.batch
			.send(batch(2), { idempotencyKey, signal: AbortSignal.timeout(500) })
			.then((result) => ({ result, thrown: null }))
			.catch((thrown: unknown) => ({ result: null, thrown }));
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
		// The SDK either rethrows the abort or turns it into an application_error; never data.
		if (outcome.result) {
			expect(outcome.result.data).toBeNull();
			expect(outcome.result.error?.name).toBe("application_error");
		} else {
			expect(outcome.thrown).toBeTruthy();
		}

		const received = await admin<Received>("received");
		expect(received.emails).toHaveLength(2);
		expect(received.requests).toMatchObject([{ status: 0, accepted: true, fault: "timeout_after_accept" }]);

		const retry = await resend.batch.send(batch(2), { idempotencyKey });
		expect(retry.error).toBeNull();
		expect(retry.data?.data.map((e) => e.id)).toEqual(received.emails.map((e) => e.id));
		expect((await admin<Received>("received")).emails).toHaveLength(2);
	});

	it("409_concurrent fault answers concurrent_idempotent_requests", async () => {
		await admin("faults", { queue: [{ kind: "409_concurrent" }] });
		const { error } = await resend.batch.send(batch(1), { idempotencyKey: key() });
		expect(error).toMatchObject({ name: "concurrent_idempotent_requests", statusCode: 409 });
	});

	it("a second request with the same key while the first is in flight gets 409 concurrent", async () => {
		await admin("faults", { queue: [{ kind: "slow", ms: 400 }] });
		const idempotencyKey = key();
		const first = resend.batch.send(batch(2), { idempotencyKey });
		await new Promise((resolve) => setTimeout(resolve, 100));
		const second = await resend.batch.send(batch(2), { idempotencyKey });
		expect(second.error).toMatchObject({ name: "concurrent_idempotent_requests", statusCode: 409 });
		const done = await first;
		expect(done.error).toBeNull();
		const third = await resend.batch.send(batch(2), { idempotencyKey });
		expect(third.data?.data).toEqual(done.data?.data);
	});

	it("slow answers normally after the delay", async () => {
		await admin("faults", { queue: [{ kind: "slow", ms: 300 }] });
		const started = Date.now();
		const { data, error } = await resend.batch.send(batch(2));
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(error).toBeNull();
		expect(data?.data).toHaveLength(2);
	});

	it("random mode with a seed yields the same fault sequence twice", async () => {
		const run = async () => {
			await admin("reset", {});
			await admin("faults", { rate: 0.5, kinds: ["429", "500", "422"], seed: 42 });
			const outcomes: string[] = [];
			for (let i = 0; i < 24; i++) {
				const { error } = await resend.batch.send(batch(1), { idempotencyKey: key() });
				outcomes.push(error ? error.name : "ok");
			}
			return outcomes;
		};
		const first = await run();
		const second = await run();
		expect(second).toEqual(first);
		expect(first).toContain("ok");
		expect(first.some((o) => o !== "ok")).toBe(true);
		const third = await (async () => {
			await admin("reset", {});
			await admin("faults", { rate: 0.5, kinds: ["429", "500", "422"], seed: 7 });
			const outcomes: string[] = [];
			for (let i = 0; i < 24; i++) outcomes.push((await resend.batch.send(batch(1))).error?.name ?? "ok");
			return outcomes;
		})();
		expect(third).not.toEqual(first);
	});
});

describe("fake resend: rate limit", () => {
	it("limits batch requests per second and reports the peak in stats", async () => {
		await admin("config", { rateLimitPerSecond: 2 });
		const results = await Promise.all(Array.from({ length: 5 }, () => resend.batch.send(batch(1))));
		const ok = results.filter((r) => r.error === null);
		const limited = results.filter((r) => r.error?.name === "rate_limit_exceeded");
		expect(ok).toHaveLength(2);
		expect(limited).toHaveLength(3);
		expect(limited[0]?.headers).toMatchObject({
			"retry-after": "1",
			"ratelimit-limit": "2",
			"ratelimit-remaining": "0",
		});
		expect(ok[0]?.headers?.["ratelimit-limit"]).toBe("2");

		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect((await resend.batch.send(batch(1))).error).toBeNull();
		const stats = await admin<Stats>("stats");
		expect(stats).toMatchObject({ accepted_requests: 3, rejected_requests: 3, max_requests_in_any_second: 2 });
		expect(stats.last_at).toBeGreaterThanOrEqual((stats.first_at ?? 0) + 1000);

		await admin("config", { rateLimitPerSecond: null });
		const unlimited = await Promise.all(Array.from({ length: 5 }, () => resend.batch.send(batch(1))));
		expect(unlimited.every((r) => r.error === null)).toBe(true);
		expect((await admin<Stats>("stats")).max_requests_in_any_second).toBeGreaterThanOrEqual(5);
	});

	it("limits every team to 5 requests per second by default, with the headers on every answer", async () => {
		const strict = await startFakeResend();
		try {
			const client = new Resend("re_test", { baseUrl: strict.url });
			const results = await Promise.all(Array.from({ length: 7 }, () => client.batch.send(batch(1))));
			expect(results.filter((r) => r.error === null)).toHaveLength(5);
			expect(results.filter((r) => r.error?.name === "rate_limit_exceeded")).toHaveLength(2);
			for (const r of results) expect(r.headers?.["ratelimit-limit"]).toBe("5");
		} finally {
			await strict.close();
		}
	});

	it("takes the limit from startFakeResend options", async () => {
		const limitedFake = await startFakeResend({ rateLimitPerSecond: 1 });
		try {
			const client = new Resend("re_test", { baseUrl: limitedFake.url });
			const [a, b] = await Promise.all([client.batch.send(batch(1)), client.batch.send(batch(1))]);
			expect([a?.error?.name ?? "ok", b?.error?.name ?? "ok"].sort()).toEqual(["ok", "rate_limit_exceeded"]);
			expect(limitedFake.state.emails).toHaveLength(1);
		} finally {
			await limitedFake.close();
		}
	});
});

describe("fake resend: as strict as Resend", () => {
	const client = (apiKey: string) => new Resend(apiKey, { baseUrl: fake.url });

	it("limits each team (API key) on its own and reports ratelimit-* on every answer", async () => {
		await admin("config", { rateLimitPerSecond: 2 });
		const [teamA, teamB] = [client("re_team_a"), client("re_team_b")];
		const sendAll = (c: Resend) => Promise.all(Array.from({ length: 3 }, () => c.batch.send(batch(1))));
		const [a, b] = await Promise.all([sendAll(teamA), sendAll(teamB)]);
		for (const results of [a, b]) {
			expect(results.filter((r) => r.error === null)).toHaveLength(2);
			expect(results.filter((r) => r.error?.name === "rate_limit_exceeded")).toHaveLength(1);
			for (const r of results) expect(r.headers).toMatchObject({ "ratelimit-limit": "2" });
		}
		await admin("config", { rateLimitPerSecond: 100 });
		const refused = await teamA.batch.send([{ ...batch(1)[0], to: ["nope"] } as never]);
		expect(refused.error).toMatchObject({ statusCode: 422 });
		expect(refused.headers).toMatchObject({ "ratelimit-limit": "100", "ratelimit-remaining": "99" });
		expect(refused.headers?.["ratelimit-reset"]).toBeDefined();
	});

	it("computes retry-after from the window rather than always answering 1", async () => {
		await admin("config", { rateLimit: { requests: 1, windowMs: 5000 } });
		expect((await resend.batch.send(batch(1))).error).toBeNull();
		const limited = await resend.batch.send(batch(1));
		expect(limited.error).toMatchObject({ name: "rate_limit_exceeded", statusCode: 429 });
		expect(limited.headers).toMatchObject({ "retry-after": "5", "ratelimit-reset": "5", "ratelimit-remaining": "0" });
	});

	it("answers daily and monthly quota 429s until their reset, for the next N requests or until cleared", async () => {
		await admin("quota", { exceeded: "daily", requests: 2 });
		const now = Date.now();
		const untilMidnight =
			(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1) - now) /
			1000;
		for (let i = 0; i < 2; i++) {
			const { error, headers } = await resend.batch.send(batch(1), { idempotencyKey: key() });
			expect(error).toMatchObject({ name: "daily_quota_exceeded", statusCode: 429 });
			expect(Math.abs(Number(headers?.["retry-after"]) - untilMidnight)).toBeLessThanOrEqual(2);
		}
		expect((await resend.batch.send(batch(1))).error).toBeNull();

		await admin("quota", { exceeded: "monthly" });
		for (let i = 0; i < 3; i++)
			expect((await resend.batch.send(batch(1))).error).toMatchObject({
				name: "monthly_quota_exceeded",
				statusCode: 429,
			});
		await admin("quota", { exceeded: null });
		expect((await resend.batch.send(batch(1))).error).toBeNull();
		expect((await admin<Received>("received")).emails).toHaveLength(2);
	});

	it("refuses invalid addresses: the whole call when strict, only those recipients when permissive", async () => {
		const emails = batch(3);
		emails[1] = { ...(emails[1] as (typeof emails)[number]), to: ["not-an-address"] };
		const strict = await resend.batch.send(emails);
		expect(strict.error).toMatchObject({ name: "validation_error", statusCode: 422 });
		expect(strict.error?.message).toContain("emails[1].to");
		expect((await admin<Received>("received")).emails).toHaveLength(0);

		const permissive = await resend.batch.send(emails, { batchValidation: "permissive" });
		expect(permissive.error).toBeNull();
		expect(permissive.data?.data).toHaveLength(2);
		expect(permissive.data?.errors).toEqual([{ index: 1, message: expect.stringContaining("emails[1].to") }]);
		const received = await admin<Received>("received");
		expect(received.emails.map((e) => e.to[0])).toEqual(["user0@example.com", "user2@example.com"]);

		const badFrom = await resend.batch.send([{ ...(batch(1)[0] as (typeof emails)[number]), from: "Pulse <news@>" }]);
		expect(badFrom.error?.message).toContain("emails[0].from");
		const quoted = '"Pulse, \\"News\\" <x@evil.test>" <news@example.com>';
		expect((await resend.batch.send([{ ...(batch(1)[0] as (typeof emails)[number]), from: quoted }])).error).toBeNull();
	});

	it("accepts tags of ASCII letters, digits, _ and - up to 256 characters, and refuses others", async () => {
		const tagged = (name: string, value: string) => [
			{ ...(batch(1)[0] as ReturnType<typeof batch>[number]), tags: [{ name, value }] },
		];
		expect((await resend.batch.send(tagged("message_id", "msg_01jab-XYZ"))).error).toBeNull();
		expect((await resend.batch.send(tagged("message_id", "x".repeat(256)))).error).toBeNull();
		for (const [name, value] of [
			["message_id", "msg.01"],
			["message id", "x"],
			["message_id", "x".repeat(257)],
			["message_id", ""],
		] as const) {
			const { error } = await resend.batch.send(tagged(name, value));
			expect(error, `${name}=${value}`).toMatchObject({ name: "validation_error", statusCode: 422 });
			expect(error?.message).toContain("emails[0].tags[0]");
		}
	});

	it("forgets an idempotency key after 24 hours on its clock", async () => {
		const idempotencyKey = key();
		const first = await resend.batch.send(batch(2), { idempotencyKey });
		await admin("clock", { advanceMs: 23 * 3600_000 });
		expect((await resend.batch.send(batch(2, "Changed"), { idempotencyKey })).error).toMatchObject({
			name: "invalid_idempotent_request",
		});
		await admin("clock", { advanceMs: 3600_000 });
		const again = await resend.batch.send(batch(2), { idempotencyKey });
		expect(again.error).toBeNull();
		expect(again.data?.data).not.toEqual(first.data?.data);
		expect((await admin<Received>("received")).emails).toHaveLength(4);
	});

	it("can answer a proxy's HTML 503 and a JSON 500 without statusCode, recording nothing", async () => {
		await admin("faults", { queue: [{ kind: "503_html" }, { kind: "500_no_status" }] });
		const raw = await fetch(`${fake.url}/emails/batch`, {
			method: "POST",
			headers: { authorization: "Bearer re_test", "content-type": "application/json" },
			body: JSON.stringify(batch(1)),
		});
		expect(raw.status).toBe(503);
		expect(raw.headers.get("content-type")).toContain("text/html");
		expect(await raw.text()).toContain("<html>");
		const noStatus = await resend.batch.send(batch(1), { idempotencyKey: key() });
		expect(noStatus.error).toEqual({ name: "internal_server_error", message: expect.any(String) });

		await admin("faults", { queue: [{ kind: "503_html" }] });
		const viaSdk = await resend.batch.send(batch(1), { idempotencyKey: key() });
		expect(viaSdk.error).toMatchObject({ name: "application_error", statusCode: 503 });
		expect((await admin<Received>("received")).emails).toHaveLength(0);
	});
});

describe("fake resend: webhooks from what it accepted", () => {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	it("posts Resend-shaped, svix-signed events for accepted emails, carrying their tags", async () => {
		const hits: { headers: Record<string, string>; body: string }[] = [];
		const receiver = createServer((req, res) => {
			let body = "";
			req.on("data", (c) => {
				body += c;
			});
			req.on("end", () => {
				hits.push({ headers: req.headers as Record<string, string>, body });
				res.writeHead(200).end("ok");
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
		const port = (receiver.address() as { port: number }).port;
		try {
			const emails = batch(2).map((e, i) => ({ ...e, tags: [{ name: "message_id", value: `msg_${i}` }] }));
			const sent = await resend.batch.send(emails);
			const [first, second] = sent.data?.data ?? [];
			const types = ["delivered", "bounced", "complained", "failed", "suppressed"];
			const result = await admin<{ deliveries: { svix_id: string; status: number }[] }>("webhooks", {
				url: `http://127.0.0.1:${port}/webhooks/resend`,
				secret,
				events: [...types.map((type) => ({ type, email_id: first?.id })), { type: "bounced", to: "user1@example.com" }],
			});
			expect(result.deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200, 200, 200]);
			const events = hits.map((h) => new Webhook(secret).verify(h.body, h.headers) as Record<string, never>);
			expect(events.map((e) => e.type)).toEqual([...types.map((t) => `email.${t}`), "email.bounced"]);
			expect(events[0]).toMatchObject({
				data: { email_id: first?.id, to: ["user0@example.com"], subject: "Hello", tags: { message_id: "msg_0" } },
			});
			expect(events[1]).toMatchObject({ data: { bounce: { type: "Permanent", subType: "General" } } });
			expect(events[3]).toMatchObject({ data: { failed: { reason: "reached_daily_quota" } } });
			expect(events[4]).toMatchObject({ data: { suppressed: { type: "OnAccountSuppressionList" } } });
			expect(events[5]).toMatchObject({ data: { email_id: second?.id, tags: { message_id: "msg_1" } } });
			expect(new Set(hits.map((h) => h.headers["svix-id"])).size).toBe(6);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});

	it("answers the signed requests for a test to deliver itself, replays a svix-id, and refuses unknown emails", async () => {
		const sent = await resend.batch.send(batch(1));
		const id = sent.data?.data[0]?.id;
		const spec = { type: "email.failed", email_id: id, svix_id: "msg_replay", failed: { reason: "daily_quota" } };
		const { deliveries } = await admin<{
			deliveries: { svix_id: string; request: { headers: Record<string, string>; body: string } }[];
		}>("webhooks", { secret, events: [spec] });
		expect(deliveries[0]?.svix_id).toBe("msg_replay");
		const event = new Webhook(secret).verify(deliveries[0]?.request.body ?? "", deliveries[0]?.request.headers ?? {});
		expect(event).toMatchObject({ type: "email.failed", data: { email_id: id, failed: { reason: "daily_quota" } } });
		const unknown = await fetch(`${fake.url}/__admin/webhooks`, {
			method: "POST",
			body: JSON.stringify({ secret, events: [{ type: "delivered", email_id: "nope" }] }),
		});
		expect(unknown.status).toBe(400);
	});
});
