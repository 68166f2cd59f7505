import { describe, expect, it } from "vitest";
import { countChange, countsOf } from "./counters";
import type { Enrollment } from "./enrollment";
import { splitResults } from "./split-results";

const enrollment = (outcomes: string[], end: Partial<Enrollment>): Enrollment => ({
	id: "enr_1",
	journeyId: "jny_1",
	contactId: "ctc_1",
	version: 1,
	nodeId: "wait",
	status: "active",
	iterations: {},
	entryProperties: {},
	history: outcomes.map((outcome, i) => ({ nodeId: "split", at: i, outcome })),
	enteredAt: 0,
	...end,
});

describe("a split node's arms analysed like an A/B test", () => {
	it("counts a goal once per arm taken, even when a loop took it again", () => {
		const before = enrollment(["arm:b", "arm:b"], {});
		const after = { ...before, status: "exited" as const, exitReason: "goal", endedAt: 5 };
		const delta = countChange(before, after);
		expect(delta.get("armgoal:split:b")).toBe(1);
		expect(delta.get("armdone:split:b")).toBeUndefined();
		const quit = countChange(before, { ...before, status: "exited", exitReason: "unsubscribed", endedAt: 5 });
		expect([...quit.keys()].some((k) => k.startsWith("armgoal") || k.startsWith("armdone"))).toBe(false);
	});

	it("names the arm that converts better, with always-valid intervals and p-values", () => {
		const counts = countsOf([
			["arm:split:a", 2000],
			["arm:split:b", 2000],
			["armgoal:split:a", 200],
			["armgoal:split:b", 300],
			["armdone:split:a", 50],
		]);
		const { split } = splitResults(counts, { split: ["a", "b"] }, "goal");
		expect(split?.arms.map((a) => [a.arm_id, a.entered, a.conversions, a.rate])).toEqual([
			["a", 2000, 200, 0.1],
			["b", 2000, 300, 0.15],
		]);
		expect(split?.arms[0]?.p_value).toBeNull();
		expect(split?.arms[1]?.p_value).toBeLessThan(0.05);
		expect(split?.winner).toMatchObject({ arm_id: "b", significant: true });
		expect(split?.chi_square.df).toBe(1);
	});

	it("does not call a winner on a handful of contacts, and skips a split nobody reached", () => {
		const counts = countsOf([
			["arm:split:a", 3],
			["arm:split:b", 2],
			["armdone:split:a", 3],
			["armdone:split:b", 1],
		]);
		const results = splitResults(counts, { split: ["a", "b"], other: ["x", "y"] }, "completed");
		expect(results.split?.winner?.significant).toBe(false);
		expect(results.split?.arms.every((a) => Number.isFinite(a.rate) && a.interval.every(Number.isFinite))).toBe(true);
		expect(results.other).toBeUndefined();
	});
});
