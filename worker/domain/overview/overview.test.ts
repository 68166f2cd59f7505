import { describe, expect, it } from "vitest";
import { dailyGrowth, rate, setupChecklist, windowStart } from "./overview";

const facts = {
	postalAddress: true,
	sender: false,
	contacts: true,
	template: false,
	campaignSent: false,
	team: false,
	app: true,
	domain: null,
};

describe("overview figures", () => {
	it("fills every one of the 30 days, oldest first, today last", () => {
		const now = Date.parse("2026-12-02T10:00:00Z");
		const growth = dailyGrowth(
			[
				{ day: "2026-12-02", added: 3 },
				{ day: "2026-11-03", added: 2 },
			],
			now,
			30,
		);
		expect(growth).toHaveLength(30);
		expect(growth[0]).toEqual({ day: "2026-11-03", added: 2 });
		expect(growth[29]).toEqual({ day: "2026-12-02", added: 3 });
		expect(growth.slice(1, 29).every((d) => d.added === 0)).toBe(true);
		expect(new Date(windowStart(now, 30)).toISOString()).toBe("2026-11-03T00:00:00.000Z");
	});

	it("gives no rate without sends, and never more than 1", () => {
		expect(rate(0, 0)).toBeNull();
		expect(rate(1, 4)).toBe(0.25);
		expect(rate(5, 4)).toBe(1);
	});

	it("lists the steps that apply with what is done, leaving out the sending domain in capture mode", () => {
		const list = setupChecklist(facts);
		expect(list.map((s) => s.key)).toEqual([
			"postal_address",
			"sender",
			"contacts",
			"template",
			"campaign_sent",
			"team",
			"app",
		]);
		expect(list.filter((s) => s.done).map((s) => s.key)).toEqual(["postal_address", "contacts", "app"]);
		expect(setupChecklist({ ...facts, domain: false }).some((s) => s.key === "domain")).toBe(true);
	});
});
