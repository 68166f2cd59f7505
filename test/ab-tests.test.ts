import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CampaignDO } from "../durable-objects/campaign-do";
import type { State } from "../durable-objects/campaign-state";
import { type LiveMessage, LiveMessageSchema } from "../worker/contracts/live";
import { call, ORIGIN, signupOwner } from "./client";
import { importCsv } from "./import-helpers";
import { waitUntil } from "./principal-clock";

type Message = { contact_id: string; variant_id: string | null; status: string; chunk_id: string | null };

/** A workspace with `size` subscribed contacts (one of them on the suppression list) and two templates. */
async function abWorkspace(size: number) {
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
	return { cookie, templateId: template.json.id as string, otherTemplateId: other.json.id as string };
}

const messagesOf = async (campaignId: string) =>
	(
		await env.DB.prepare("SELECT contact_id, variant_id, status, chunk_id FROM messages WHERE campaign_id = ?")
			.bind(campaignId)
			.all<Message>()
	).results;

/** Runs the campaign object's alarm until the fan-out of its current phase is written, then waits for the sends. */
async function fanOutAndSettle(campaignId: string) {
	const stub = env.CAMPAIGN.getByName(campaignId);
	for (let i = 0; i < 20 && !(await stub.getState())?.fanoutDone; i++) await runDurableObjectAlarm(stub);
	await waitUntil(async () => (await messagesOf(campaignId)).every((m) => m.status !== "queued"), 15_000);
}

/** Moves the test's start `ms` into the past (the object's stored clock and D1's mirror), then evicts the object. */
async function testStartedAgo(campaignId: string, ms: number) {
	const stub = env.CAMPAIGN.getByName(campaignId);
	await runInDurableObject(stub, async (_: CampaignDO, ctx) => {
		const state = await ctx.storage.get<State>("state");
		if (!state?.ab) throw new Error("no A/B state");
		state.ab.startedAt -= ms;
		await ctx.storage.put("state", state);
	});
	await env.DB.prepare("UPDATE campaign_ab_tests SET started_at = started_at - ? WHERE campaign_id = ?")
		.bind(ms, campaignId)
		.run();
	await evict(campaignId);
}

/** The object forgets everything it holds in memory, as when the runtime evicts it. */
async function evict(campaignId: string) {
	await runInDurableObject(env.CAMPAIGN.getByName(campaignId), (_: CampaignDO, ctx) => ctx.abort("evicted")).catch(
		() => undefined,
	);
}

/** The campaign's live socket, as the dashboard opens it: every message it receives, in order. */
async function liveSocket(cookie: string, campaignId: string) {
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

/** People who clicked, as the EVENTS consumer records them (flag null: a person, not a scanner). */
async function humanClicks(campaignId: string, variantId: string, count: number) {
	const { results } = await env.DB.prepare(
		"SELECT id, workspace_id, contact_id FROM messages WHERE campaign_id = ? AND variant_id = ? AND status = 'sent' LIMIT ?",
	)
		.bind(campaignId, variantId, count)
		.all<{ id: string; workspace_id: string; contact_id: string }>();
	await env.DB.batch(
		results.map((m) =>
			env.DB.prepare(
				"INSERT INTO tracking_events (id, workspace_id, message_id, campaign_id, contact_id, kind, url, occurred_at) VALUES (?, ?, ?, ?, ?, 'click', 'https://ab.example/x', ?)",
			).bind(`trk_${m.id}`, m.workspace_id, m.id, campaignId, m.contact_id, Date.now()),
		),
	);
}

describe("A/B tests", () => {
	it("tests two variants on 20%, waits in deciding for a person (across an eviction), then sends the winner to exactly the rest", async () => {
		const { cookie, templateId, otherTemplateId } = await abWorkspace(300);
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{
				name: "Split",
				template_id: templateId,
				variants: [
					{ name: "A", subject: "Subject A" },
					{ name: "B", template_id: otherTemplateId, subject: "Subject B", from_name: "Bee" },
				],
				ab_test: { test_percent: 20, metric: "clicks", duration: "PT1H", auto_send_winner: false },
			},
			{ cookie },
		);
		expect(created.status).toBe(201);
		const id = created.json.id as string;
		expect(created.json.ab_test).toMatchObject({ test_percent: 20, metric: "clicks", auto_send_winner: false });
		const [a, b] = created.json.variants as { id: string; name: string }[];
		if (!a || !b) throw new Error("variants missing");

		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
		await fanOutAndSettle(id);
		const test = await messagesOf(id);
		expect(test.length).toBeGreaterThan(30);
		expect(test.length).toBeLessThan(90);
		expect(new Set(test.map((m) => m.variant_id))).toEqual(new Set([a.id, b.id]));
		const testers = new Set(test.map((m) => m.contact_id));

		await humanClicks(id, b.id, 20);
		let ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json.phase).toBe("testing");
		expect(ab.json.arms.map((arm: { name: string }) => arm.name)).toEqual(["A", "B"]);
		expect(ab.json.arms[1].clicks).toBe(20);
		// The chart's latest point is what the table shows.
		const series = ab.json.series as { at: string; arms: { rate: number; interval: number[] }[] }[];
		expect(series.length).toBeGreaterThan(0);
		expect(series.at(-1)?.arms).toEqual(
			ab.json.arms.map((arm: { variant_id: string; rate: number; interval: number[] }) => ({
				variant_id: arm.variant_id,
				rate: arm.rate,
				interval: arm.interval,
			})),
		);
		expect(ab.json.arms[0].sent + ab.json.arms[1].sent).toBe(test.filter((m) => m.status === "sent").length);

		// The hour is up: the result is decided, and without auto-send the campaign waits for a person.
		await testStartedAgo(id, 2 * 3_600_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json.phase).toBe("deciding");
		expect(ab.json.winner).toMatchObject({ variant_id: b.id });
		expect(ab.json.winner.reason).toMatch(/B/);
		await evict(id);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		expect((await messagesOf(id)).length).toBe(test.length);
		expect((await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie })).json.status).toBe("sending");

		// The dashboard's results panel hears of each phase change on the campaign's socket, without reloading.
		const socket = await liveSocket(cookie, id);
		const unknown = await call("POST", `/api/v1/campaigns/${id}/ab/winner`, { variant_id: "var_nope" }, { cookie });
		expect(unknown.status).toBe(422);
		const picked = await call("POST", `/api/v1/campaigns/${id}/ab/winner`, { variant_id: b.id }, { cookie });
		expect(picked.status).toBe(200);
		expect(picked.json).toMatchObject({ phase: "sending_winner", winner: { variant_id: b.id } });
		await waitUntil(async () => socket.phases().length > 0);
		expect(socket.phases()[0]).toMatchObject({
			type: "ab",
			phase: "sending_winner",
			winner: picked.json.winner,
		});
		const again = await call("POST", `/api/v1/campaigns/${id}/ab/winner`, { variant_id: a.id }, { cookie });
		expect(again.status).toBe(409);

		await fanOutAndSettle(id);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		await waitUntil(async () => socket.phases().some((m) => m.phase === "done"));
		expect(socket.phases().map((m) => m.phase)).toEqual(["sending_winner", "done"]);
		socket.close();
		const stats = (await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie })).json;
		expect(stats).toMatchObject({ status: "completed", audience: 300, suppressed: 1, failed: 0 });
		expect(stats.sent + stats.suppressed + stats.failed).toBe(300);

		const all = await messagesOf(id);
		expect(all.every((m) => m.variant_id !== null)).toBe(true);
		expect(new Set(all.map((m) => m.contact_id)).size).toBe(300);
		const winnerSends = all.filter((m) => !testers.has(m.contact_id));
		expect(winnerSends.length).toBe(300 - test.length);
		expect(winnerSends.every((m) => m.variant_id === b.id)).toBe(true);
		ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json.phase).toBe("done");
		// The arms still show the test alone, not the winner's sends.
		expect(ab.json.arms[0].sent + ab.json.arms[1].sent).toBe(test.filter((m) => m.status === "sent").length);

		const outbox = (await call("GET", `/api/v1/outbox?campaign_id=${id}&limit=500`, undefined, { cookie })).json
			.data as { to: string; from: string; subject: string }[];
		expect(outbox.length).toBe(299);
		const bSubjects = outbox.filter((e) => e.subject === "Subject B");
		expect(bSubjects.length).toBe(299 - test.filter((m) => m.variant_id === a.id && m.status === "sent").length);
		expect(bSubjects.every((e) => e.from.includes("Bee"))).toBe(true);

		const log = await call("GET", `/api/v1/campaigns/${id}/messages?limit=5`, undefined, { cookie });
		expect(log.json.data[0].variant_id).toMatch(/^var_/);
		const audit = await call("GET", "/api/v1/audit-log?action=campaign.ab_winner", undefined, { cookie });
		expect(JSON.stringify(audit.json)).toContain(b.id);
	});

	it("with auto-send, decides at the end of the test (not while paused) and sends the winner by itself", async () => {
		const { cookie, templateId } = await abWorkspace(120);
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{
				name: "Auto",
				template_id: templateId,
				variants: [
					{ name: "A", subject: "One" },
					{ name: "B", subject: "Two" },
				],
				ab_test: { test_percent: 50, metric: "opens", duration: "PT30S", auto_send_winner: true },
			},
			{ cookie },
		);
		const id = created.json.id as string;
		await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		await fanOutAndSettle(id);
		const test = await messagesOf(id);
		// Paused when the test ends: nothing is decided until it resumes.
		expect((await call("POST", `/api/v1/campaigns/${id}/pause`, undefined, { cookie })).status).toBe(202);
		await testStartedAgo(id, 60_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		expect((await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie })).json.phase).toBe("testing");
		expect((await call("POST", `/api/v1/campaigns/${id}/resume`, undefined, { cookie })).status).toBe(202);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json.phase).toBe("sending_winner");
		expect(ab.json.winner.significant).toBe(false);
		expect(ab.json.winner.reason).toMatch(/not enough evidence|level/);
		await fanOutAndSettle(id);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const all = await messagesOf(id);
		expect(all.length).toBe(120);
		expect(all.filter((m) => m.variant_id === ab.json.winner.variant_id).length).toBeGreaterThan(120 - test.length);
		expect((await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie })).json.status).toBe("completed");
	});

	it("cancels in every phase to a finished test, and pauses and resumes while waiting for a decision", async () => {
		const { cookie, templateId } = await abWorkspace(60);
		const abCampaign = async (name: string, ab_test: Record<string, unknown>) => {
			const created = await call(
				"POST",
				"/api/v1/campaigns",
				{
					name,
					template_id: templateId,
					variants: [
						{ name: "A", subject: "A" },
						{ name: "B", subject: "B" },
					],
					ab_test,
				},
				{ cookie },
			);
			const id = created.json.id as string;
			const [a, b] = created.json.variants as { id: string }[];
			if (!a || !b) throw new Error("variants missing");
			await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
			await fanOutAndSettle(id);
			return { id, a: a.id, b: b.id, tested: (await messagesOf(id)).length };
		};
		const manual = { test_percent: 50, metric: "clicks", duration: "PT1H", auto_send_winner: false };
		const ab = async (id: string) => (await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie })).json;
		const cancel = async (id: string) => {
			const res = await call("POST", `/api/v1/campaigns/${id}/cancel`, undefined, { cookie });
			expect(res.json.status).toBe("cancelled");
			// Neither the object's next look (after an eviction) nor a person sends anything more.
			await evict(id);
			await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
			const pick = await call("POST", `/api/v1/campaigns/${id}/ab/winner`, { variant_id: "x" }, { cookie });
			expect(pick.status).toBe(422);
			expect((await env.CAMPAIGN.getByName(id).getState())?.ab?.phase).toBe("done");
			return ab(id);
		};

		// Testing: the test ends with the campaign, with no winner.
		const testing = await abCampaign("Cancel testing", manual);
		const cancelledTest = await cancel(testing.id);
		expect(cancelledTest.phase).toBe("done");
		expect(cancelledTest.winner).toBeUndefined();
		const late = await call("POST", `/api/v1/campaigns/${testing.id}/ab/winner`, { variant_id: testing.b }, { cookie });
		expect(late.status).toBe(409);
		expect(late.error.message).toMatch(/cancelled campaign cannot send a winner/);
		expect((await messagesOf(testing.id)).length).toBe(testing.tested);

		// Deciding: paused and resumed while a person has not picked, still deciding; a pick while paused waits
		// for the resume; then the winner reaches exactly the rest.
		const deciding = await abCampaign("Pause deciding", manual);
		await testStartedAgo(deciding.id, 2 * 3_600_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(deciding.id));
		expect((await ab(deciding.id)).phase).toBe("deciding");
		expect((await call("POST", `/api/v1/campaigns/${deciding.id}/pause`, undefined, { cookie })).status).toBe(202);
		expect((await call("POST", `/api/v1/campaigns/${deciding.id}/resume`, undefined, { cookie })).status).toBe(202);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(deciding.id));
		expect((await ab(deciding.id)).phase).toBe("deciding");
		await call("POST", `/api/v1/campaigns/${deciding.id}/pause`, undefined, { cookie });
		const picked = await call(
			"POST",
			`/api/v1/campaigns/${deciding.id}/ab/winner`,
			{ variant_id: deciding.a },
			{ cookie },
		);
		expect(picked.json.phase).toBe("sending_winner");
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(deciding.id));
		expect((await messagesOf(deciding.id)).length).toBe(deciding.tested);
		await call("POST", `/api/v1/campaigns/${deciding.id}/resume`, undefined, { cookie });
		await fanOutAndSettle(deciding.id);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(deciding.id));
		expect((await ab(deciding.id)).phase).toBe("done");
		const finished = (await call("GET", `/api/v1/campaigns/${deciding.id}/stats`, undefined, { cookie })).json;
		expect(finished).toMatchObject({ status: "completed", audience: 60, sent: 59, suppressed: 1 });

		// Deciding, cancelled: the suggested winner stays on record, but nobody else is mailed.
		const suggested = await abCampaign("Cancel deciding", manual);
		await testStartedAgo(suggested.id, 2 * 3_600_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(suggested.id));
		const cancelledDecision = await cancel(suggested.id);
		expect(cancelledDecision.phase).toBe("done");
		expect(cancelledDecision.winner).toBeDefined();
		expect((await messagesOf(suggested.id)).length).toBe(suggested.tested);

		// Sending the winner, cancelled before its fan-out: done, and the rest never mailed.
		const winning = await abCampaign("Cancel winner", manual);
		await call("POST", `/api/v1/campaigns/${winning.id}/ab/winner`, { variant_id: winning.b }, { cookie });
		expect((await ab(winning.id)).phase).toBe("sending_winner");
		const cancelledWinner = await cancel(winning.id);
		expect(cancelledWinner).toMatchObject({ phase: "done", winner: { variant_id: winning.b } });
		expect((await messagesOf(winning.id)).length).toBe(winning.tested);
	});

	it("refuses A/B settings naming the field at fault", async () => {
		const { cookie, templateId } = await abWorkspace(1);
		const body = (extra: Record<string, unknown>) => ({ name: "Bad", template_id: templateId, ...extra });
		const ab_test = { test_percent: 20, metric: "clicks", duration: "PT1H", auto_send_winner: true };
		const unknownTemplate = await call(
			"POST",
			"/api/v1/campaigns",
			body({ variants: [{ name: "A" }, { name: "B", template_id: "tpl_missing" }], ab_test }),
			{ cookie },
		);
		expect(unknownTemplate.status).toBe(400);
		expect(unknownTemplate.error.issues).toContainEqual(expect.objectContaining({ path: "variants.1.template_id" }));
		const one = await call("POST", "/api/v1/campaigns", body({ variants: [{ name: "A" }], ab_test }), { cookie });
		expect(one.error.issues).toContainEqual(expect.objectContaining({ path: "variants" }));
		const short = await call(
			"POST",
			"/api/v1/campaigns",
			body({ variants: [{ name: "A" }, { name: "B" }], ab_test: { ...ab_test, duration: "PT10S" } }),
			{ cookie },
		);
		expect(short.error.issues).toContainEqual(expect.objectContaining({ path: "ab_test.duration" }));
		const tiny = await call("POST", "/api/v1/campaigns", body({ variants: [{ name: "A" }, { name: "B" }], ab_test }), {
			cookie,
		});
		const send = await call("POST", `/api/v1/campaigns/${tiny.json.id}/send`, undefined, { cookie });
		expect(send.status).toBe(422);
		expect(send.error.issues).toContainEqual(expect.objectContaining({ path: "ab_test.test_percent" }));
		const broken = await call(
			"POST",
			"/api/v1/campaigns",
			body({ variants: [{ name: "A" }, { name: "B", subject: "Hi {{ contact.first_name" }], ab_test }),
			{ cookie },
		);
		const refused = await call("POST", `/api/v1/campaigns/${broken.json.id}/send`, undefined, { cookie });
		expect(refused.status).toBe(422);
		expect(refused.error.message).toMatch(/Variant B's subject does not render/);
		expect(refused.error.issues).toContainEqual(expect.objectContaining({ path: "variants.1.subject" }));
		const plain = await call("POST", "/api/v1/campaigns", body({}), { cookie });
		expect((await call("GET", `/api/v1/campaigns/${plain.json.id}/ab`, undefined, { cookie })).status).toBe(404);
	});
});
