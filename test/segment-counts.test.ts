import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SegmentDefinition } from "../worker/contracts/segments";
import { createDb } from "../worker/db/client";
import { countAudience } from "../worker/db/contacts";
import worker from "../worker/index";
import { call, createKey, env, signupOwner } from "./client";

const BERLIN = { all: [{ attribute: "city", op: "eq", value: "Berlin" }] };

async function addBerliners(cookie: string, label: string, n: number) {
	for (let i = 0; i < n; i++) {
		const res = await call(
			"POST",
			"/api/v1/contacts",
			{ email: `${label}-${i}@example.com`, attributes: { city: "Berlin" } },
			{ cookie },
		);
		expect(res.status).toBe(201);
	}
}

/** Makes the stored count look as if it was taken `minutes` ago. */
async function ageCount(segmentId: string, minutes: number) {
	await env.DB.prepare("UPDATE segments SET counted_at = ? WHERE id = ?")
		.bind(Date.now() - minutes * 60_000, segmentId)
		.run();
}

async function listed(cookie: string, id: string) {
	const res = await call("GET", "/api/v1/segments", undefined, { cookie });
	expect(res.status).toBe(200);
	return res.json.data.find((s: { id: string }) => s.id === id) as { count: number; count_updated_at: string | null };
}

/** Background work finishes after the answer; poll until it shows. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<T> {
	const until = Date.now() + ms;
	let value = await read();
	while (!ok(value) && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 50));
		value = await read();
	}
	return value;
}

describe("segment counts", () => {
	it("counts a new or re-ruled segment at once and says when it was counted", async () => {
		const { cookie } = await signupOwner();
		await addBerliners(cookie, "new", 2);
		const before = Date.now();
		const created = await call("POST", "/api/v1/segments", { name: "Berlin", definition: BERLIN }, { cookie });
		expect(created.status).toBe(201);
		expect(created.json.count).toBe(2);
		expect(Date.parse(created.json.count_updated_at)).toBeGreaterThanOrEqual(before - 1000);

		const patched = await call(
			"PATCH",
			`/api/v1/segments/${created.json.id}`,
			{ definition: { all: [{ attribute: "city", op: "eq", value: "Paris" }] } },
			{ cookie },
		);
		expect(patched.json).toMatchObject({ count: 0 });
		expect(patched.json.count_updated_at).toEqual(expect.any(String));
	});

	it("lists saved segments from their stored counts instead of recounting every one", async () => {
		const { cookie } = await signupOwner();
		await addBerliners(cookie, "cached", 2);
		const created = await call("POST", "/api/v1/segments", { name: "Berlin", definition: BERLIN }, { cookie });
		await addBerliners(cookie, "later", 3);

		const shown = await listed(cookie, created.json.id);
		expect(shown).toEqual(expect.objectContaining({ count: 2, count_updated_at: created.json.count_updated_at }));
		const one = await call("GET", `/api/v1/segments/${created.json.id}`, undefined, { cookie });
		expect(one.json).toMatchObject({ count: 2, count_updated_at: created.json.count_updated_at });
	});

	it("recounts a count older than five minutes in the background after answering with the stored one", async () => {
		const { cookie } = await signupOwner();
		await addBerliners(cookie, "stale", 1);
		const created = await call("POST", "/api/v1/segments", { name: "Berlin", definition: BERLIN }, { cookie });
		await addBerliners(cookie, "grown", 2);
		await ageCount(created.json.id, 10);

		const first = await listed(cookie, created.json.id);
		expect(first.count).toBe(1);
		const fresh = await eventually(
			() => listed(cookie, created.json.id),
			(s) => s.count === 3,
		);
		expect(fresh.count).toBe(3);
		expect(Date.parse(fresh.count_updated_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
	});

	it("recounts at most a couple of stale segments per request", async () => {
		const { cookie } = await signupOwner();
		await addBerliners(cookie, "few", 1);
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			const s = await call("POST", "/api/v1/segments", { name: `S${i}`, definition: BERLIN }, { cookie });
			ids.push(s.json.id);
		}
		await addBerliners(cookie, "more", 1);
		for (const id of ids) await ageCount(id, 10);
		await call("GET", "/api/v1/segments", undefined, { cookie });
		const recounted = async () =>
			(
				await env.DB.prepare(
					`SELECT count(*) AS n FROM segments WHERE id IN (${ids.map(() => "?").join(",")}) AND cached_count = 2`,
				)
					.bind(...ids)
					.first<{ n: number }>()
			)?.n ?? 0;
		expect(await eventually(recounted, (n) => n > 0)).toBeGreaterThan(0);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await recounted()).toBeLessThanOrEqual(2);
	});

	it("keeps counts fresh from the scheduled job, in bounded batches, for every workspace", async () => {
		const a = await signupOwner();
		const b = await signupOwner();
		await addBerliners(a.cookie, "cron-a", 1);
		await addBerliners(b.cookie, "cron-b", 2);
		const sa = await call("POST", "/api/v1/segments", { name: "A", definition: BERLIN }, { cookie: a.cookie });
		const sb = await call("POST", "/api/v1/segments", { name: "B", definition: BERLIN }, { cookie: b.cookie });
		await addBerliners(a.cookie, "cron-a2", 1);
		await addBerliners(b.cookie, "cron-b2", 1);
		// Older than any other stale segment left by other tests, so this run takes them first.
		await ageCount(sa.json.id, 60 * 24 * 365);
		await ageCount(sb.json.id, 60 * 24 * 365);

		const ctx = createExecutionContext();
		await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: Date.now() }), env, ctx);
		await waitOnExecutionContext(ctx);

		const stored = await env.DB.prepare("SELECT id, cached_count, counted_at FROM segments WHERE id IN (?, ?)")
			.bind(sa.json.id, sb.json.id)
			.all<{ id: string; cached_count: number; counted_at: number }>();
		const byId = new Map(stored.results.map((r) => [r.id, r]));
		expect(byId.get(sa.json.id)?.cached_count).toBe(2);
		expect(byId.get(sb.json.id)?.cached_count).toBe(3);
		expect(byId.get(sa.json.id)?.counted_at).toBeGreaterThan(Date.now() - 60_000);
	});
});

describe("segment cost limits", () => {
	it("limits previews per member to 30 a minute with a retry-after, without slowing other callers", async () => {
		const { cookie } = await signupOwner();
		const key = await createKey(cookie, "editor");
		const preview = (as: { cookie?: string; apiKey?: string }) =>
			call("POST", "/api/v1/segments/preview", { definition: BERLIN }, as);
		for (let i = 0; i < 30; i++) expect((await preview({ cookie })).status).toBe(200);
		const refused = await preview({ cookie });
		expect(refused.status).toBe(429);
		expect(refused.error.code).toBe("rate_limited");
		expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
		expect((await preview({ apiKey: key.key })).status).toBe(200);
	});

	it("refuses a 3,000-value list, deep nesting and too many rules, naming the place", async () => {
		const { cookie } = await signupOwner();
		const list = Array.from({ length: 3000 }, (_, i) => `v${i}`);
		const bigList = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Huge", definition: { all: [{ attribute: "code", op: "in", value: list }] } },
			{ cookie },
		);
		expect(bigList.status).toBe(400);
		expect(bigList.error.issues[0]).toMatchObject({
			path: "definition.all.0.value",
			message: expect.stringMatching(/500/),
		});

		let deep: Record<string, unknown> = { tag: "x" };
		for (let i = 0; i < 10; i++) deep = { all: [deep] };
		const tooDeep = await call("POST", "/api/v1/segments/preview", { definition: deep }, { cookie });
		expect(tooDeep.status).toBe(400);
		expect(tooDeep.error.issues[0].path).toMatch(/^definition\.all\.0\.all/);

		const manyRules = { any: Array.from({ length: 60 }, (_, i) => ({ tag: `t${i}` })) };
		const tooMany = await call("POST", "/api/v1/segments/preview", { definition: manyRules }, { cookie });
		expect(tooMany.status).toBe(400);
		expect(tooMany.error.issues[0].path).toBe("definition");
	});

	it("refuses a definition larger than 32 KB as a whole", async () => {
		const { cookie } = await signupOwner();
		const long = "x".repeat(900);
		const definition = {
			any: Array.from({ length: 5 }, (_, i) => ({
				attribute: `a${i}`,
				op: "in",
				value: Array.from({ length: 10 }, (_, j) => `${long}${j}`),
			})),
		};
		const res = await call("POST", "/api/v1/segments", { name: "Wide", definition }, { cookie });
		expect(res.status).toBe(400);
		expect(res.error.issues[0]).toMatchObject({ path: "definition", message: expect.stringMatching(/KB/) });
	});

	it("counts a send's audience without unsubscribed contacts or suppressed addresses", async () => {
		const { cookie, workspace } = await signupOwner();
		await addBerliners(cookie, "audience", 4);
		await call(
			"POST",
			"/api/v1/contacts",
			{ email: "audience-paris@example.com", attributes: { city: "Paris" } },
			{ cookie },
		);
		const out = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "audience-0@example.com", status: "unsubscribed" },
			{ cookie },
		);
		expect(out.status).toBe(200);
		// On the suppression list while the contact still says subscribed (e.g. a bounce recorded elsewhere).
		await env.DB.prepare("INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, 'bounced')")
			.bind(workspace.id, "audience-1@example.com")
			.run();
		const db = createDb(env.DB);
		expect(await countAudience(db, workspace.id, BERLIN as SegmentDefinition)).toBe(2);
		expect(await countAudience(db, workspace.id, null)).toBe(3);
	});

	it("counts the audience of a segment of buyers without unsubscribed contacts or suppressed addresses", async () => {
		const { cookie, workspace } = await signupOwner();
		await addBerliners(cookie, "buyer", 4);
		await addBerliners(cookie, "browser", 2);
		const bought = ["buyer-0", "buyer-1", "buyer-2", "buyer-3"].map((who) => ({
			email: `${who}@example.com`,
			name: "purchase",
		}));
		const browsed = [{ email: "browser-0@example.com", name: "page_view" }];
		const recorded = await call("POST", "/api/v1/events", { batch: [...bought, ...bought, ...browsed] }, { cookie });
		expect(recorded.status).toBeLessThan(300);
		await call("POST", "/api/v1/contacts", { email: "buyer-0@example.com", status: "unsubscribed" }, { cookie });
		await env.DB.prepare("INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, 'bounced')")
			.bind(workspace.id, "buyer-1@example.com")
			.run();
		const buyers: SegmentDefinition = {
			all: [
				{ event: "purchase", count: { op: "gte", value: 1 } },
				{ attribute: "city", op: "eq", value: "Berlin" },
			],
		};
		const db = createDb(env.DB);
		expect(await countAudience(db, workspace.id, buyers)).toBe(2);
		const segment = await call("POST", "/api/v1/segments", { name: "Buyers", definition: buyers }, { cookie });
		expect(segment.json.count).toBe(4);
	});
});
