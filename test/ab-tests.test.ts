import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
	abWorkspace,
	alarmOf,
	evict,
	fanOutAndSettle,
	humanClicks,
	liveSocket,
	messagesOf,
	oneClickUnsubscribes,
	sentAbTest,
	sentAgo,
	sentIn,
	testStartedAgo,
	trackEvents,
} from "./ab-helpers";
import { call } from "./client";
import { waitUntil } from "./principal-clock";

describe("A/B tests", () => {
	it("tests two variants on 20%, waits in deciding for a person (across an eviction), then sends the winner to exactly the rest", async () => {
		const { cookie, userId, templateId, otherTemplateId } = await abWorkspace(300);
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

		const before = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(before.json).toMatchObject({ phase: "testing", ends_at: null });
		expect(before.json.winner).toBeUndefined();
		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
		await fanOutAndSettle(id);
		const test = await messagesOf(id);
		expect(test.length).toBeGreaterThan(30);
		expect(test.length).toBeLessThan(90);
		expect(new Set(test.map((m) => m.variant_id))).toEqual(new Set([a.id, b.id]));
		const testers = new Set(test.map((m) => m.contact_id));
		// Once the test group has settled, the object sleeps until the hour is up instead of waking every few seconds.
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const startedAt = (await env.CAMPAIGN.getByName(id).getState())?.ab?.startedAt ?? 0;
		expect(await alarmOf(id)).toBe(startedAt + 3_600_000);

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
		const ended = ab.json.winner.reason as string;
		// Clicks keep coming while nobody has picked: every read judges the counts of now, A now leads (a tie would go
		// to A too), and the suggestion taken when the test ended is named beside it.
		const sentA = ab.json.arms[0].sent as number;
		await humanClicks(id, a.id, sentA);
		ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json.phase).toBe("deciding");
		expect(ab.json.arms[0]).toMatchObject({ clicks: sentA, rate: 1 });
		expect(ab.json.winner.variant_id).toBe(a.id);
		expect(ab.json.winner.reason).toMatch(/^Now: A /);
		expect(ab.json.winner.reason).toMatch(/\. When the test ended \(20\d\d-.+Z\), the suggestion was B: /);
		expect(ab.json.winner.reason.endsWith(`the suggestion was B: ${ended}`)).toBe(true);
		// Waiting for a person, it does not wake by itself at all.
		expect(await alarmOf(id)).toBeNull();
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
		// A now leads: the record says a person chose B over it, not that the test chose B.
		expect(picked.json.winner.reason).toBe("B picked by a person over the test's suggestion (A)");
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
		// The pick is on the audit log: who, which campaign, which variant; the refused picks are not.
		const audit = await call("GET", "/api/v1/audit-log?action=campaign.ab_winner", undefined, { cookie });
		expect(audit.json.data).toEqual([
			expect.objectContaining({
				action: "campaign.ab_winner",
				actor_type: "user",
				actor_id: userId,
				target_type: "campaign",
				target_id: id,
				metadata: { variant_id: b.id, variant_name: "B" },
			}),
		]);
	});

	it("with auto-send, decides at the end of the test (not while paused) and sends the winner by itself", async () => {
		const { cookie, templateId } = await abWorkspace(120);
		const { id, test } = await sentAbTest(cookie, {
			name: "Auto",
			template_id: templateId,
			variants: [
				{ name: "A", subject: "One" },
				{ name: "B", subject: "Two" },
			],
			ab_test: { test_percent: 50, metric: "opens", duration: "PT30S", auto_send_winner: true },
		});
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

	it("on conversions, counts each arm's goal events within the window after delivery, and stops early for a clear winner", async () => {
		const { cookie, templateId } = await abWorkspace(600);
		const { id, a, b, test, testers } = await sentAbTest(cookie, {
			name: "Checkout",
			template_id: templateId,
			variants: [
				{ name: "A", subject: "New arrivals" },
				{ name: "B", subject: "Your basket misses you" },
			],
			ab_test: {
				test_percent: 85,
				metric: "conversion",
				goal_event: "purchase",
				goal_window: "PT1H",
				duration: "P1D",
				auto_send_winner: true,
			},
		});

		// The test group was mailed two hours ago; buyers came back through the shop since.
		await sentAgo(id, 2 * 3_600_000);
		const [armA, armB] = [await sentIn(id, a), await sentIn(id, b)];
		const minutes = (n: number) => n * 60_000;
		const buyersA = armA.slice(0, Math.round(armA.length * 0.05));
		const buyersB = armB.slice(0, Math.round(armB.length * 0.25));
		const [late, early, browser] = armA.slice(buyersA.length, buyersA.length + 3);
		const repeat = buyersB[0];
		if (!late || !early || !browser || !repeat) throw new Error("arms too small");
		await trackEvents(cookie, [
			...[...buyersA, ...buyersB].map((m) => ({
				contact_id: m.contact_id,
				name: "purchase",
				at: m.sent_at + minutes(10),
			})),
			// A second purchase is the same person; 90 minutes after is outside the hour's window; before the email,
			// or another event, is no conversion either.
			{ contact_id: repeat.contact_id, name: "purchase", at: repeat.sent_at + minutes(30) },
			{ contact_id: late.contact_id, name: "purchase", at: late.sent_at + minutes(90) },
			{ contact_id: early.contact_id, name: "purchase", at: early.sent_at - minutes(5) },
			{ contact_id: browser.contact_id, name: "viewed_product", at: browser.sent_at + minutes(5) },
		]);
		let ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json).toMatchObject({ phase: "testing", metric: "conversion" });
		expect(ab.json.winner).toBeUndefined();
		const [resultA, resultB] = ab.json.arms as { conversions: number; sent: number; rate: number }[];
		expect(resultA).toMatchObject({ sent: armA.length, conversions: buyersA.length });
		expect(resultB).toMatchObject({ sent: armB.length, conversions: buyersB.length });
		expect(resultB?.rate).toBeCloseTo(buyersB.length / armB.length, 6);

		// Two hours into a day-long test, with 200+ people per arm, B's lead is beyond chance: the object stops the
		// test early and sends B to the rest by itself.
		expect(Math.min(armA.length, armB.length)).toBeGreaterThanOrEqual(200);
		await testStartedAgo(id, 2 * 3_600_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json).toMatchObject({ phase: "sending_winner", winner: { variant_id: b, significant: true } });
		expect(ab.json.winner.reason).toMatch(/^B wins/);
		expect(Date.parse(ab.json.winner.decided_at)).toBeLessThan(Date.parse(ab.json.ends_at));

		await fanOutAndSettle(id);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		ab = await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie });
		expect(ab.json.phase).toBe("done");
		expect(ab.json.arms.map((arm: { conversions: number }) => arm.conversions)).toEqual([
			buyersA.length,
			buyersB.length,
		]);
		const rest = (await messagesOf(id)).filter((m) => !testers.has(m.contact_id));
		expect(rest.length).toBe(600 - test.length);
		expect(rest.every((m) => m.variant_id === b)).toBe(true);
	});

	it("never lets an arm win that drives people to unsubscribe, however well it clicks", async () => {
		const { cookie, templateId } = await abWorkspace(200);
		const { id, a, b, testers } = await sentAbTest(cookie, {
			name: "Clickbait",
			template_id: templateId,
			variants: [
				{ name: "A", subject: "Our spring range" },
				{ name: "B", subject: "LAST CHANCE!!! Open now" },
			],
			ab_test: { test_percent: 50, metric: "clicks", duration: "PT1H", auto_send_winner: true },
		});
		const [armA, armB] = [await sentIn(id, a), await sentIn(id, b)];
		await humanClicks(id, a, Math.round(armA.length * 0.1));
		await humanClicks(id, b, Math.round(armB.length * 0.4));
		await oneClickUnsubscribes(
			cookie,
			id,
			armB.slice(0, Math.round(armB.length * 0.3)).map((m) => m.email),
		);

		await testStartedAgo(id, 2 * 3_600_000);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const ab = (await call("GET", `/api/v1/campaigns/${id}/ab`, undefined, { cookie })).json;
		expect(ab.arms[1].clicks).toBeGreaterThan(2 * ab.arms[0].clicks);
		// B is out, so A wins with nobody left to beat (an early stop would have picked it too).
		expect(ab).toMatchObject({ phase: "sending_winner", winner: { variant_id: a, significant: true } });
		expect(ab.winner.reason).toMatch(
			/B cannot win: its unsubscribe rate \(\d+\.\d%\) is significantly higher than A's/,
		);

		// The rest of the list receives A, not the arm that clicked more.
		await fanOutAndSettle(id);
		await runDurableObjectAlarm(env.CAMPAIGN.getByName(id));
		const rest = (await messagesOf(id)).filter((m) => !testers.has(m.contact_id));
		expect(rest.length).toBeGreaterThan(0);
		expect(rest.every((m) => m.variant_id === a)).toBe(true);
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
		// Two recipients per variant are enough: 4 contacts test two variants, not three.
		for (const n of [1, 2, 3]) await call("POST", "/api/v1/contacts", { email: `small${n}@ab.example` }, { cookie });
		const whole = { ...ab_test, test_percent: 100 };
		const three = [{ name: "A" }, { name: "B" }, { name: "C" }];
		const tooMany = await call("POST", "/api/v1/campaigns", body({ variants: three, ab_test: whole }), { cookie });
		const refusedThree = await call("POST", `/api/v1/campaigns/${tooMany.json.id}/send`, undefined, { cookie });
		expect(refusedThree.status).toBe(422);
		expect(refusedThree.error.message).toMatch(/needs at least 6/);
		const two = await call("POST", "/api/v1/campaigns", body({ variants: three.slice(0, 2), ab_test: whole }), {
			cookie,
		});
		expect((await call("POST", `/api/v1/campaigns/${two.json.id}/send`, undefined, { cookie })).status).toBe(202);
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
