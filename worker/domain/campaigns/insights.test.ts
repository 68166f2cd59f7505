import { describe, expect, it } from "vitest";
import type { CampaignStats } from "../../contracts/campaigns";
import { campaignInsights, campaignRates } from "./insights";

const base: CampaignStats = {
	status: "completed",
	audience: 1000,
	queued: 0,
	sent: 1000,
	delivered: 980,
	failed: 0,
	suppressed: 0,
	cancelled: 0,
	bounced: 0,
	complained: 0,
	unsubscribed: 0,
	opens: 0,
	unique_opens: 0,
	machine_opens: 0,
	clicks: 0,
	unique_clicks: 0,
	bot_clicks: 0,
	links: [],
	timeline: [],
};
const stats = (patch: Partial<CampaignStats>): CampaignStats => ({ ...base, ...patch });

describe("campaign insights", () => {
	it("computes rates over the people the mail reached, not over bounces", () => {
		const rates = campaignRates(stats({ bounced: 200, unique_opens: 400, unique_clicks: 40, unsubscribed: 8 }));
		expect(rates.delivery).toBeCloseTo(0.8);
		expect(rates.open).toBeCloseTo(0.5);
		expect(rates.click).toBeCloseTo(0.05);
		expect(rates.click_to_open).toBeCloseTo(0.1);
		expect(rates.bounce).toBeCloseTo(0.2);
		expect(rates.unsubscribe).toBeCloseTo(0.01);
	});

	it("answers null rates rather than dividing by zero", () => {
		const rates = campaignRates(stats({ sent: 0, audience: 0 }));
		expect(Object.values(rates).every((r) => r === null)).toBe(true);
	});

	it("says a draft has no results yet and suggests nothing", () => {
		const insights = campaignInsights(stats({ status: "draft", sent: 0 }));
		expect(insights.findings[0]).toContain("nothing has been sent");
		expect(insights.suggestions).toEqual([]);
	});

	it("suggests a subject-line test when opens are low", () => {
		const insights = campaignInsights(stats({ unique_opens: 50 }));
		expect(insights.suggestions.join(" ")).toMatch(/subject lines/);
	});

	it("does not suggest a subject-line test when opens are healthy", () => {
		const insights = campaignInsights(stats({ unique_opens: 400, unique_clicks: 80 }));
		expect(insights.suggestions.join(" ")).not.toMatch(/subject lines/);
	});

	it("flags bounces, complaints and unsubscribes above their thresholds", () => {
		const text = campaignInsights(stats({ bounced: 50, complained: 3, unsubscribed: 20 })).suggestions.join(" ");
		expect(text).toMatch(/Bounces are high \(5\.0%\)/);
		expect(text).toMatch(/Spam complaints are above 0\.1% \(0\.30%\)/);
		expect(text).toMatch(/Unsubscribes are high/);
	});

	it("keeps machine opens out of engagement and says so", () => {
		const insights = campaignInsights(stats({ opens: 300, machine_opens: 300, unique_opens: 0 }));
		expect(insights.rates.open).toBe(0);
		expect(insights.findings.join(" ")).toMatch(/300 opens came from mail privacy proxies/);
	});

	it("warns that a small send is too small to judge", () => {
		const insights = campaignInsights(stats({ audience: 40, sent: 40 }));
		expect(insights.suggestions[0]).toMatch(/Only 40 were sent/);
	});

	it("mentions the top link and that a sending campaign's numbers will grow", () => {
		const insights = campaignInsights(
			stats({
				status: "sending",
				queued: 200,
				sent: 800,
				links: [{ url: "https://example.com/sale", clicks: 30, unique_clicks: 25 }],
			}),
		);
		const text = insights.findings.join(" ");
		expect(text).toMatch(/Still sending: 200 of 1000/);
		expect(text).toMatch(/https:\/\/example.com\/sale \(25 people\)/);
	});
});
