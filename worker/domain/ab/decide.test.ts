import { describe, expect, it } from "vitest";
import { type DecideArm, type DecideInput, decide } from "./decide";
import { compareProportions } from "./sequential";

const HOUR = 3_600_000;

function arm(name: string, x: number, n: number, unsubscribes = 0, complaints = 0): DecideArm {
	return { variantId: `v_${name}`, name, n, x, unsubscribes, complaints };
}

function input(arms: DecideArm[], over: Partial<DecideInput> = {}): DecideInput {
	return { arms, alpha: 0.05, N: 5000, elapsedMs: 2 * HOUR, final: false, autoSendWinner: true, ...over };
}

describe("the A/B decision", () => {
	const clear = [arm("A", 200, 2000), arm("B", 320, 2000)];

	it("stops early with a significant winner after an hour and 200 per arm, when auto-send is on", () => {
		const { winner } = decide(input(clear));
		expect(winner).toMatchObject({ variantId: "v_B", significant: true });
		expect(winner?.reason).toMatch(/^B wins: 16\.0% vs 10\.0% for A/);
	});

	it("does not stop early without auto-send, before an hour, or under 200 per arm", () => {
		expect(decide(input(clear, { autoSendWinner: false })).winner).toBeUndefined();
		expect(decide(input(clear, { elapsedMs: HOUR - 1 })).winner).toBeUndefined();
		expect(decide(input([arm("A", 10, 199), arm("B", 150, 2000)])).winner).toBeUndefined();
		expect(decide(input(clear, { elapsedMs: 10 * 60_000, minDurationMs: 5 * 60_000 })).winner?.variantId).toBe("v_B");
	});

	it("splits α over the k(k−1)/2 pairs: a lead that is significant between two arms is not among three", () => {
		// 265 vs 200 of 2,000: always-valid p ≈ 0.03 < 0.05, but not < 0.05 / 3.
		expect(decide(input([arm("A", 200, 2000), arm("B", 265, 2000)])).winner?.variantId).toBe("v_B");
		const three = [arm("A", 200, 2000), arm("B", 265, 2000), arm("C", 200, 2000)];
		expect(decide(input(three)).winner).toBeUndefined();
		expect(decide(input(three, { final: true })).winner).toMatchObject({ variantId: "v_B", significant: false });
	});

	it("at the end, sends the best arm and says in words why it is not significant", () => {
		const { winner } = decide(input([arm("A", 250, 5000), arm("B", 270, 5000)], { final: true }));
		expect(winner).toEqual({
			variantId: "v_B",
			significant: false,
			reason: "B led by 0.4 points (5.4% vs 5.0% for A); not enough evidence yet",
		});
	});

	it("at the end, keeps a significant winner significant even without auto-send", () => {
		expect(decide(input(clear, { final: true, autoSendWinner: false, elapsedMs: 0 })).winner).toMatchObject({
			variantId: "v_B",
			significant: true,
		});
	});

	it("never lets an arm with significantly more unsubscribes or complaints win, and says so", () => {
		const unsubscribing = [arm("A", 200, 2000, 4), arm("B", 320, 2000, 40)];
		const end = decide(input(unsubscribing, { final: true }));
		expect(end.winner).toMatchObject({ variantId: "v_A", significant: true });
		expect(end.winner?.reason).toBe(
			"B cannot win: its unsubscribe rate (2.0%) is significantly higher than A's (0.2%). A wins as the only arm allowed to (10.0% vs 16.0% for B)",
		);

		const complaining = [arm("A", 200, 2000), arm("B", 320, 2000, 0, 30), arm("C", 300, 2000)];
		const decision = decide(input(complaining, { final: true }));
		expect(decision.winner?.variantId).toBe("v_C");
		expect(decision.winner?.reason).toContain("B cannot win: its complaint rate");
	});

	it("stops early for the best arm allowed to win when the leader is blocked: it has only the allowed arms to beat", () => {
		// Two arms: B clicks more but unsubscribes significantly more, so A is the only arm that could be sent.
		const unsubscribing = [arm("A", 200, 2000, 4), arm("B", 320, 2000, 40)];
		expect(decide(input(unsubscribing)).winner).toMatchObject({ variantId: "v_A", significant: true });
		// ...still only after an hour, 200 per arm, and with auto-send.
		expect(decide(input(unsubscribing, { elapsedMs: HOUR - 1 })).winner).toBeUndefined();
		expect(decide(input(unsubscribing, { autoSendWinner: false })).winner).toBeUndefined();
		expect(decide(input([arm("A", 20, 199, 0), arm("B", 320, 2000, 60)])).winner).toBeUndefined();

		// Three arms, B blocked: C stops early once it beats A at α/3, whatever B's clicks; not while it does not.
		const clearOverA = [arm("A", 200, 2000), arm("B", 400, 2000, 40), arm("C", 320, 2000)];
		expect(decide(input(clearOverA)).winner).toMatchObject({ variantId: "v_C", significant: true });
		expect(decide(input(clearOverA)).winner?.reason).toMatch(/^B cannot win: .*C wins: 16\.0% vs 10\.0% for A/);
		const closeToA = [arm("A", 200, 2000), arm("B", 400, 2000, 40), arm("C", 215, 2000)];
		expect(decide(input(closeToA)).winner).toBeUndefined();
	});

	it("does not block an arm for a difference in unsubscribes that could be chance", () => {
		expect(decide(input([arm("A", 200, 2000, 4), arm("B", 320, 2000, 7)])).winner?.variantId).toBe("v_B");
	});

	it("reports each arm's rate, an always-valid interval of that rate, and its p-value against the control", () => {
		const { arms, chi_square } = decide(input(clear));
		expect(arms.map((a) => a.variantId)).toEqual(["v_A", "v_B"]);
		expect(arms[0]).toMatchObject({ rate: 0.1, p_value: null });
		const [a, b] = arms;
		expect(a?.interval[0]).toBeLessThan(0.1);
		expect(a?.interval[1]).toBeGreaterThan(0.1);
		expect(b?.rate).toBe(0.16);
		expect(b?.p_value).toBe(
			compareProportions({ x: 320, n: 2000 }, { x: 200, n: 2000 }, { alpha: 0.05, N: 5000 }).p_value,
		);
		expect(chi_square.df).toBe(1);
		expect(chi_square.p_value).toBeLessThan(0.001);
	});

	it("ends an empty test on the control, and a tie on the earlier arm", () => {
		const empty = decide(input([arm("A", 0, 0), arm("B", 0, 0)], { final: true }));
		expect(empty.winner).toMatchObject({ variantId: "v_A", significant: false });
		expect(empty.winner?.reason).toContain("Nothing was delivered");
		const tie = decide(input([arm("A", 50, 1000), arm("B", 50, 1000)], { final: true }));
		expect(tie.winner?.variantId).toBe("v_A");
		expect(tie.winner?.reason).toContain("level at 5.0%");
	});
});
