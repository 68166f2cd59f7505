import { describe, expect, it } from "vitest";
import type { HealthDetail } from "../../lib/api";
import { healthFigures, thresholdFromInput, thresholdText } from "./health-view";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const healthy: HealthDetail = {
	at: "2026-12-02T12:00:00Z",
	queue: { backlog: 3, stale: 0, stale_after_minutes: 10, oldest_waiting_at: null },
	dead_letters: { chunks: 0, messages_failed: 0 },
	provider: { errors_last_hour: 0, rate_limited_last_hour: 0, requests_per_second_limit: 10, rate_used: 0.25 },
	cron: { last_run_at: "2026-12-02T11:58:00Z", last_daily_run_at: null },
	database: { bytes: 2 * 1024 * 1024 },
};
const byKey = (h: HealthDetail) => Object.fromEntries(healthFigures(h, NOW).map((f) => [f.key, f]));

describe("the health page's figures", () => {
	it("shows a healthy pipeline in green with the rate used as a share and the database size", () => {
		const f = byKey(healthy);
		expect(f.backlog).toMatchObject({ value: "3", tone: "success" });
		expect(f.rate_used).toMatchObject({ value: "25%", tone: "success" });
		expect(f.cron?.tone).toBe("success");
		expect(f.database?.value).toBe("2.0 MB");
	});

	it("flags stale chunks, dead letters, 429s, a nearly used rate and a late cron", () => {
		const f = byKey({
			...healthy,
			queue: { ...healthy.queue, stale: 2 },
			dead_letters: { chunks: 1, messages_failed: 40 },
			provider: { ...healthy.provider, rate_limited_last_hour: 4, rate_used: 0.95 },
			cron: { last_run_at: "2026-12-02T11:30:00Z", last_daily_run_at: null },
		});
		expect(f.backlog).toMatchObject({ tone: "warning", hint: "2 waiting longer than 10 minutes" });
		expect(f.dead_letters).toMatchObject({ tone: "danger", hint: "40 recipients failed" });
		expect(f.rate_limited?.tone).toBe("warning");
		expect(f.rate_used?.tone).toBe("warning");
		expect(f.cron?.tone).toBe("warning");
	});

	it("reads alert thresholds as typed: the rate in percent, counts as numbers", () => {
		expect(thresholdFromInput("rate_used", "80%")).toBe(0.8);
		expect(thresholdFromInput("dead_letters", "5")).toBe(5);
		expect(thresholdFromInput("dead_letters", "")).toBeUndefined();
		expect(thresholdFromInput("dead_letters", "-1")).toBeUndefined();
		expect(thresholdText("rate_used", 0.8)).toBe("80%");
	});
});
