import { describe, expect, it } from "vitest";
import type { StoredAlertRule } from "../../contracts/alerts";
import { type AlertFigures, alertMessage, evaluateRules, sameFiring } from "./evaluate";

const FIGURES: AlertFigures = {
	queue_backlog: 0,
	queue_stale: 0,
	dead_letters: 0,
	messages_failed: 0,
	provider_errors: 0,
	rate_limited: 0,
	rate_used: null,
};
const DLQ: StoredAlertRule = {
	id: "alr_dlq",
	name: "Dead letters",
	metric: "dead_letters",
	threshold: 5,
	enabled: true,
};
const with_ = (change: Partial<AlertFigures>) => ({ ...FIGURES, ...change });

describe("alert rule evaluation", () => {
	it("fires once when a figure reaches its threshold, not on every later check of the same breach", () => {
		const first = evaluateRules([DLQ], with_({ dead_letters: 5 }), {}, 1_000);
		expect(first.fire).toEqual([{ rule: DLQ, value: 5 }]);
		expect(first.firing).toEqual({ alr_dlq: 1_000 });
		const later = evaluateRules([DLQ], with_({ dead_letters: 9 }), first.firing, 2_000);
		expect(later.fire).toEqual([]);
		expect(later.firing).toEqual({ alr_dlq: 1_000 });
	});

	it("stays quiet under the threshold and re-arms when the figure falls back under it", () => {
		expect(evaluateRules([DLQ], with_({ dead_letters: 4 }), {}, 1_000).fire).toEqual([]);
		const recovered = evaluateRules([DLQ], with_({ dead_letters: 1 }), { alr_dlq: 1_000 }, 2_000);
		expect(recovered).toEqual({ fire: [], firing: {} });
		const again = evaluateRules([DLQ], with_({ dead_letters: 6 }), recovered.firing, 3_000);
		expect(again.fire.map((b) => b.value)).toEqual([6]);
	});

	it("never fires a disabled rule and forgets the state of disabled or deleted rules", () => {
		const off = { ...DLQ, enabled: false };
		expect(evaluateRules([off], with_({ dead_letters: 50 }), { alr_dlq: 1_000, alr_gone: 5 }, 2_000)).toEqual({
			fire: [],
			firing: {},
		});
	});

	it("treats a figure that does not apply (rate used with the capture Outbox) as no breach", () => {
		const rate: StoredAlertRule = { id: "alr_r", name: "Rate", metric: "rate_used", threshold: 0, enabled: true };
		expect(evaluateRules([rate], FIGURES, {}, 1).fire).toEqual([]);
		expect(evaluateRules([rate], with_({ rate_used: 0.2 }), {}, 1).fire).toHaveLength(1);
	});

	it("evaluates each rule on its own", () => {
		const errors: StoredAlertRule = {
			id: "alr_e",
			name: "Errors",
			metric: "provider_errors",
			threshold: 1,
			enabled: true,
		};
		const out = evaluateRules([DLQ, errors], with_({ provider_errors: 3 }), { alr_dlq: 1 }, 9);
		expect(out.fire.map((b) => b.rule.id)).toEqual(["alr_e"]);
		expect(out.firing).toEqual({ alr_e: 9 });
	});

	it("says which figure, its value and the threshold (rates as percentages)", () => {
		expect(alertMessage({ rule: DLQ, value: 7 })).toEqual({
			title: "Alert: Dead letters",
			body: "Dead-lettered chunks (24 h) is 7 (threshold 5).",
		});
		const rate: StoredAlertRule = { id: "r", name: "Hot", metric: "rate_used", threshold: 0.9, enabled: true };
		expect(alertMessage({ rule: rate, value: 0.95 }).body).toContain("is 95% (threshold 90%)");
	});

	it("compares firing states by content", () => {
		expect(sameFiring({ a: 1 }, { a: 1 })).toBe(true);
		expect(sameFiring({ a: 1 }, { a: 2 })).toBe(false);
		expect(sameFiring({}, { a: 1 })).toBe(false);
	});
});
