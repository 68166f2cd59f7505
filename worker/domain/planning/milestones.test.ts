import { describe, expect, it } from "vitest";
import { milestoneDates, milestoneState, taskDueAt } from "./milestones";

const at = (iso: string) => new Date(iso);
const dates = (sendAt: Date | null, createdAt: Date) =>
	Object.fromEntries(milestoneDates(sendAt, createdAt).map((m) => [m.key, m.at?.toISOString() ?? null]));

describe("campaign milestones", () => {
	it("puts content 3 days, review 2 days and the test send 1 day before a send planned well ahead", () => {
		expect(dates(at("2026-12-20T09:00:00Z"), at("2026-12-01T00:00:00Z"))).toEqual({
			content_due: "2026-12-17T09:00:00.000Z",
			review_due: "2026-12-18T09:00:00.000Z",
			test_send: "2026-12-19T09:00:00.000Z",
			send: "2026-12-20T09:00:00.000Z",
		});
	});

	it("moves every milestone when the schedule moves", () => {
		const created = at("2026-12-01T00:00:00Z");
		const before = dates(at("2026-12-20T09:00:00Z"), created);
		const after = dates(at("2026-12-22T09:00:00Z"), created);
		for (const key of Object.keys(before))
			expect(Date.parse(after[key] ?? "") - Date.parse(before[key] ?? "")).toBe(2 * 86_400_000);
	});

	it("squeezes the steps into the time there is when the send is less than 3 days away, never before creation", () => {
		const created = at("2026-12-01T00:00:00Z");
		expect(dates(at("2026-12-02T00:00:00Z"), created)).toEqual({
			content_due: "2026-12-01T00:00:00.000Z",
			review_due: "2026-12-01T08:00:00.000Z",
			test_send: "2026-12-01T16:00:00.000Z",
			send: "2026-12-02T00:00:00.000Z",
		});
	});

	it("has no dates without a send date", () => {
		expect(Object.values(dates(null, at("2026-12-01T00:00:00Z")))).toEqual([null, null, null, null]);
	});

	it("gives a task its own due date, or its milestone's", () => {
		const send = at("2026-12-20T09:00:00Z");
		const created = at("2026-12-01T00:00:00Z");
		expect(taskDueAt({ dueAt: null, milestone: "review_due" }, send, created)?.toISOString()).toBe(
			"2026-12-18T09:00:00.000Z",
		);
		const own = at("2026-12-10T12:00:00Z");
		expect(taskDueAt({ dueAt: own, milestone: "review_due" }, send, created)).toBe(own);
		expect(taskDueAt({ dueAt: null, milestone: "send" }, null, created)).toBeNull();
	});

	it("calls a milestone overdue only when its date passed with a task open", () => {
		const now = at("2026-12-18T00:00:00Z");
		const past = at("2026-12-17T09:00:00Z");
		const base = { key: "content_due" as const, started: false, now };
		expect(milestoneState({ ...base, at: past, tasks: [{ done: false }, { done: true }] })).toBe("overdue");
		expect(milestoneState({ ...base, at: past, tasks: [{ done: true }] })).toBe("done");
		expect(milestoneState({ ...base, at: past, tasks: [] })).toBe("passed");
		expect(milestoneState({ ...base, at: at("2026-12-19T00:00:00Z"), tasks: [{ done: false }] })).toBe("upcoming");
		expect(milestoneState({ ...base, at: null, tasks: [] })).toBe("unscheduled");
		// Sending started: the send is done; a task left open before it is still overdue.
		expect(milestoneState({ ...base, key: "send", at: past, tasks: [{ done: false }], started: true })).toBe("done");
		expect(milestoneState({ ...base, at: past, tasks: [{ done: false }], started: true })).toBe("overdue");
	});
});
