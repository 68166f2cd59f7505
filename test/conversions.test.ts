import { describe, expect, it } from "vitest";
import { call, signupOwner } from "./client";
import { hit, pathsIn, sentCampaign, stats, waitUntil } from "./tracking-helpers";

const HOUR = 3_600_000;

/** A campaign of three (p0, p1, p2) where p0 and p1 clicked a link. */
async function clickedCampaign() {
	const sent = await sentCampaign(3);
	const byEmail = new Map(sent.emails.map((e) => [e.to, e]));
	for (const to of ["p0@track.example", "p1@track.example"]) {
		const [link] = pathsIn(byEmail.get(to)?.html ?? "", "c");
		expect((await hit(link ?? "")).status).toBe(302);
	}
	await waitUntil("two clicks", async () => (await stats(sent.cookie, sent.campaignId)).unique_clicks === 2);
	return sent;
}

const purchase = (email: string, revenue: unknown, at = new Date()) => ({
	email,
	name: "purchase",
	properties: { revenue },
	occurred_at: at.toISOString(),
});

describe("conversions and revenue credited to email", () => {
	it("credits the purchases of recipients who clicked, after the click and within the window, with their revenue", async () => {
		const { cookie, campaignId } = await clickedCampaign();
		const before = await call("GET", `/api/v1/campaigns/${campaignId}/conversions`, undefined, { cookie });
		expect(before.status).toBe(200);
		expect(before.json).toMatchObject({ goal: null, conversions: 0, revenue: 0, recipients: 3 });

		const goal = await call("PUT", "/api/v1/conversion-goal", { event: "purchase" }, { cookie });
		expect(goal.status).toBe(200);
		expect(goal.json.goal).toMatchObject({
			event: "purchase",
			revenue_property: "revenue",
			window_days: 7,
			model: "last_touch",
			touch: "click",
		});

		const later = new Date(Date.now() + HOUR);
		const batch = [
			purchase("p0@track.example", 40, later),
			purchase("p1@track.example", "60.5", later),
			purchase("p2@track.example", 100, later), // never clicked
			purchase("p0@track.example", 999, new Date(Date.now() - 2 * HOUR)), // before the click
			purchase("p1@track.example", 500, new Date(Date.now() + 8 * 24 * HOUR)), // after the window
		];
		expect((await call("POST", "/api/v1/events", { batch }, { cookie })).status).toBe(202);

		const report = await call("GET", `/api/v1/campaigns/${campaignId}/conversions`, undefined, { cookie });
		expect(report.json).toMatchObject({
			model: "last_touch",
			recipients: 3,
			conversions: 2,
			converters: 2,
			revenue: 100.5,
			revenue_per_recipient: 33.5,
			truncated: false,
		});
		expect(report.json.conversion_rate).toBeCloseTo(2 / 3);
		const firstTouch = await call("GET", `/api/v1/campaigns/${campaignId}/conversions?model=first_touch`, undefined, {
			cookie,
		});
		expect(firstTouch.json).toMatchObject({ model: "first_touch", revenue: 100.5 });

		// The Overview's figure: what email earned in the last 30 days (the purchase 8 days on is outside the 7-day window).
		const summary = await call("GET", "/api/v1/conversions?days=30", undefined, { cookie });
		expect(summary.json).toMatchObject({ days: 30, conversions: 2, revenue: 100.5 });
		expect(summary.json.by_campaign).toEqual([{ campaign_id: campaignId, name: "C", conversions: 2, revenue: 100.5 }]);

		// With opens counting as touches nothing changes here (no human opens); a wider window takes the late one.
		await call("PUT", "/api/v1/conversion-goal", { event: "purchase", window_days: 30 }, { cookie });
		const wider = await call("GET", `/api/v1/campaigns/${campaignId}/conversions`, undefined, { cookie });
		expect(wider.json).toMatchObject({ conversions: 3, converters: 2, revenue: 600.5 });

		expect((await call("DELETE", "/api/v1/conversion-goal", undefined, { cookie })).status).toBe(200);
		const gone = await call("GET", "/api/v1/conversion-goal", undefined, { cookie });
		expect(gone.json).toEqual({ goal: null });
	});

	it("refuses a goal it cannot use, naming the field, and never shows another workspace's campaign", async () => {
		const { cookie, campaignId } = await sentCampaign(1);
		const bad = await call(
			"PUT",
			"/api/v1/conversion-goal",
			{ event: "purchase", revenue_property: "a.b" },
			{ cookie },
		);
		expect(bad.status).toBe(400);
		expect(bad.json.error.issues[0].path).toBe("revenue_property");
		const zero = await call("PUT", "/api/v1/conversion-goal", { event: "purchase", window_days: 0 }, { cookie });
		expect(zero.json.error.issues[0].path).toBe("window_days");
		const other = await signupOwner("Other Co");
		const theirs = await call("GET", `/api/v1/campaigns/${campaignId}/conversions`, undefined, {
			cookie: other.cookie,
		});
		expect(theirs.status).toBe(404);
	});
});
