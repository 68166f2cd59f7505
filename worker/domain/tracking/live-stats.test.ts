import { describe, expect, it } from "vitest";
import type { CampaignStats } from "../../contracts/campaigns";
import { addCount, addEngagement, addLink, addStatusChange, applyDelta, emptyDelta, mergeDelta } from "./live-stats";

const base: CampaignStats = {
	status: "completed",
	audience: 3,
	queued: 0,
	sent: 3,
	delivered: 1,
	failed: 0,
	suppressed: 0,
	cancelled: 0,
	bounced: 0,
	complained: 0,
	unsubscribed: 0,
	opens: 0,
	unique_opens: 0,
	machine_opens: 0,
	clicks: 2,
	unique_clicks: 1,
	bot_clicks: 1,
	links: [{ url: "https://a.example", clicks: 2, unique_clicks: 1 }],
	timeline: [{ at: "2026-01-01T10:00:00.000Z", opens: 0, clicks: 1 }],
};

describe("live campaign numbers", () => {
	it("move a message's status the way the stats API counts it (sent includes delivered, bounced, complained)", () => {
		const delta = emptyDelta();
		addStatusChange(delta, "sent", "delivered");
		addStatusChange(delta, "delivered", "complained");
		addStatusChange(delta, "sent", "bounced");
		expect(applyDelta(base, delta)).toMatchObject({ audience: 3, sent: 3, delivered: 2, complained: 1, bounced: 1 });
	});

	it("count recipients the frequency cap left out in the audience: audience = sent + suppressed + capped + failed", () => {
		const delta = emptyDelta();
		addCount(delta, "capped", 2);
		addCount(delta, "suppressed", 1);
		const next = applyDelta(base, delta);
		expect(next).toMatchObject({ audience: 6, sent: 3, capped: 2, suppressed: 1 });
		expect(next.audience).toBe(next.sent + next.suppressed + (next.capped ?? 0) + next.failed);
	});

	it("add clicks per link, most clicked first, and engagement per hour", () => {
		const first = emptyDelta();
		addLink(first, "https://b.example", 3, 1);
		addEngagement(first, Date.parse("2026-01-01T10:30:00Z"), "click", true);
		const second = emptyDelta();
		addLink(second, "https://a.example", 0, 1);
		addEngagement(second, Date.parse("2026-01-01T09:10:00Z"), "open", false);
		mergeDelta(first, second);
		const next = applyDelta(base, first);
		expect(next.links).toEqual([
			{ url: "https://b.example", clicks: 3, unique_clicks: 1 },
			{ url: "https://a.example", clicks: 2, unique_clicks: 2 },
		]);
		expect(next.timeline).toEqual([
			{ at: "2026-01-01T09:00:00.000Z", opens: 0, clicks: 0 },
			{ at: "2026-01-01T10:00:00.000Z", opens: 0, clicks: 2 },
		]);
		expect(base.links[0]?.unique_clicks).toBe(1);
	});
});
