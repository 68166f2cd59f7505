import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { CampaignStats } from "../../../lib/types";
import { RateCards } from "./RateCards";

const stats = (over: Partial<CampaignStats>): CampaignStats => ({
	status: "completed",
	audience: 200,
	queued: 0,
	sent: 200,
	delivered: 0,
	failed: 0,
	suppressed: 0,
	cancelled: 0,
	bounced: 0,
	complained: 0,
	unsubscribed: 0,
	opens: 70,
	unique_opens: 40,
	machine_opens: 20,
	clicks: 15,
	unique_clicks: 10,
	bot_clicks: 3,
	links: [],
	timeline: [],
	provider_reports_delivery: false,
	...over,
});

const value = (key: string) => document.querySelector(`[data-stat="${key}"] dd`)?.textContent;

afterEach(cleanup);

describe("rate cards", () => {
	it("says delivered is not reported and takes rates over sent without a provider that reports it", () => {
		render(() => <RateCards stats={stats({})} />);
		expect(value("delivered")).toBe("Not reported");
		expect(value("open-rate")).toBe("20%");
		expect(screen.getByTestId("base-open-rate").textContent).toBe("40 people of 200 sent");
		expect(screen.getByTestId("base-click-to-open").textContent).toBe("10 people of 40 opened");
	});

	it("takes rates over delivered when the provider reports it, and shows people next to machines and bots", () => {
		render(() => <RateCards stats={stats({ delivered: 160, provider_reports_delivery: true })} />);
		expect(value("delivered")).toBe("80%");
		expect(screen.getByTestId("base-delivered").textContent).toBe("160 of 200 sent");
		expect(value("open-rate")).toBe("25%");
		expect(screen.getByTestId("base-click-rate").textContent).toBe("10 people of 160 delivered");
		expect(screen.getByTestId("split-opens").textContent).toBe("50 by people · 20 machine");
		expect(screen.getByTestId("split-clicks").textContent).toBe("12 by people · 3 bot");
	});
});
