import { describe, expect, it } from "vitest";
import { type AbClock, abDecision, abDue, abNextDueAt, EARLY_CHECK_MS, EARLY_MIN_MS } from "./phase";
import { abSetupIssues } from "./setup";

const HOUR = 3_600_000;
const clock = (over: Partial<AbClock> = {}): AbClock => ({
	phase: "testing",
	startedAt: 0,
	durationMs: 4 * HOUR,
	autoSendWinner: true,
	lastEarlyCheck: 0,
	...over,
});
const totals = (sent: number, clicks: number) => ({
	sent,
	delivered: 0,
	opens: 0,
	clicks,
	conversions: 0,
	unsubscribes: 0,
	complaints: 0,
});

describe("when an A/B test is decided", () => {
	it("decides at the end of the test, never before the test group's fan-out is done", () => {
		expect(abDue(clock(), 4 * HOUR, true)).toBe("final");
		expect(abDue(clock(), 4 * HOUR, false)).toBeNull();
		expect(abDue(clock({ autoSendWinner: false }), 2 * HOUR, true)).toBeNull();
	});

	it("looks for an early stop only with auto-send, after an hour, once a minute", () => {
		expect(abDue(clock(), EARLY_MIN_MS - 1, true)).toBeNull();
		expect(abDue(clock(), EARLY_MIN_MS, true)).toBe("early");
		expect(abDue(clock({ lastEarlyCheck: EARLY_MIN_MS }), EARLY_MIN_MS + EARLY_CHECK_MS - 1, true)).toBeNull();
		expect(abDue(clock({ autoSendWinner: false }), EARLY_MIN_MS, true)).toBeNull();
	});

	it("wakes the object only when the test next needs it: the end, the next early check, or a person", () => {
		const manual = clock({ autoSendWinner: false });
		expect(abNextDueAt(manual)).toBe(4 * HOUR);
		expect(abNextDueAt(clock())).toBe(EARLY_MIN_MS);
		expect(abNextDueAt(clock({ lastEarlyCheck: 2 * HOUR }))).toBe(2 * HOUR + EARLY_CHECK_MS);
		expect(abNextDueAt(clock({ durationMs: 30_000 }))).toBe(30_000);
		expect(abNextDueAt(clock({ lastEarlyCheck: 4 * HOUR }))).toBe(4 * HOUR);
		expect(abNextDueAt(clock({ phase: "deciding" }))).toBe(0);
		expect(abNextDueAt({ ...manual, phase: "deciding" })).toBeNull();
		expect(abNextDueAt(clock({ phase: "sending_winner" }))).toBeNull();
		// Each answer is a moment at which abDue has work.
		for (const ab of [manual, clock(), clock({ lastEarlyCheck: 2 * HOUR }), clock({ durationMs: 30_000 })])
			expect(abDue(ab, abNextDueAt(ab) ?? Number.NaN, true)).not.toBeNull();
	});

	it("in deciding, decides again only with auto-send (an interrupted decision); otherwise waits for a person", () => {
		expect(abDue(clock({ phase: "deciding" }), 0, true)).toBe("final");
		expect(abDue(clock({ phase: "deciding", autoSendWinner: false }), 10 * HOUR, true)).toBeNull();
		expect(abDue(clock({ phase: "sending_winner" }), 10 * HOUR, true)).toBeNull();
	});
});

describe("the A/B decision from the arms' counts", () => {
	const arms = (a: [number, number], b: [number, number]) => [
		{ variantId: "a", name: "A", totals: totals(...a) },
		{ variantId: "b", name: "B", totals: totals(...b) },
	];
	const input = { metric: "clicks" as const, deliveriesReported: false, autoSendWinner: true };

	it("stops early when one arm clearly wins after an hour with 200 per arm", () => {
		const early = abDecision({ ...input, arms: arms([400, 20], [400, 80]), elapsedMs: HOUR, final: false });
		expect(early.winner).toMatchObject({ variantId: "b", significant: true });
		const tooSoon = abDecision({ ...input, arms: arms([400, 20], [400, 80]), elapsedMs: HOUR - 1, final: false });
		expect(tooSoon.winner).toBeUndefined();
		const tooFew = abDecision({ ...input, arms: arms([150, 5], [150, 60]), elapsedMs: HOUR, final: false });
		expect(tooFew.winner).toBeUndefined();
	});

	it("at the end names the leader, not significant when the evidence is thin, and says why", () => {
		const final = abDecision({ ...input, arms: arms([100, 10], [100, 12]), elapsedMs: 4 * HOUR, final: true });
		expect(final.winner).toMatchObject({ variantId: "b", significant: false });
		expect(final.winner?.reason).toMatch(/B led by 2\.0 points.*not enough evidence/);
	});

	it("counts per delivered when the provider reports deliveries", () => {
		const perDelivered = abDecision({
			...input,
			deliveriesReported: true,
			arms: [
				{ variantId: "a", name: "A", totals: { ...totals(100, 10), delivered: 50 } },
				{ variantId: "b", name: "B", totals: { ...totals(100, 10), delivered: 100 } },
			],
			elapsedMs: 0,
			final: false,
		});
		expect(perDelivered.arms.map((a) => a.rate)).toEqual([0.2, 0.1]);
	});
});

describe("A/B settings", () => {
	const test = { test_percent: 20, metric: "clicks" as const, duration: "PT1H", auto_send_winner: true };
	it("names each field at fault", () => {
		const paths = (issues: { path: string }[]) => issues.map((i) => i.path);
		expect(paths(abSetupIssues([{ name: "A" }], test))).toEqual(["variants"]);
		expect(paths(abSetupIssues([{ name: "A" }, { name: "a" }], test))).toEqual(["variants.1.name"]);
		expect(paths(abSetupIssues([{ name: "A" }, { name: "B" }], { ...test, duration: "PT29S" }))).toEqual([
			"ab_test.duration",
		]);
		expect(paths(abSetupIssues([{ name: "A" }, { name: "B" }], { ...test, metric: "conversion" }))).toEqual([
			"ab_test.goal_event",
		]);
		expect(paths(abSetupIssues([{ name: "A" }, { name: "B" }], undefined))).toEqual(["ab_test"]);
		expect(abSetupIssues([{ name: "A" }, { name: "B" }], { ...test, duration: "PT30S" })).toEqual([]);
	});
});
