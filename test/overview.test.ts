import { describe, expect, it } from "vitest";
import { addMember, call, createKey, signupOwner } from "./client";
import { importCsv } from "./import-helpers";
import { hit, pathsIn, sentCampaign, waitUntil } from "./tracking-helpers";

const overview = async (cookie: string) => {
	const res = await call("GET", "/api/v1/overview", undefined, { cookie });
	expect(res.status).toBe(200);
	return res.json;
};
const done = (o: { checklist: { key: string; done: boolean }[] }) =>
	Object.fromEntries(o.checklist.map((s) => [s.key, s.done]));

describe("GET /api/v1/overview", () => {
	it("starts with nothing done and an empty audience over 30 days", async () => {
		const { cookie } = await signupOwner("Fresh Co");
		const o = await overview(cookie);
		expect(o.audience).toMatchObject({ total: 0, subscribed: 0, added_30d: 0 });
		expect(o.audience.growth).toHaveLength(30);
		expect(o.audience.growth[29].day).toBe(new Date().toISOString().slice(0, 10));
		expect(o).toMatchObject({ sends_30d: 0, open_rate_30d: null, click_rate_30d: null, live_campaigns: [] });
		expect(done(o)).toEqual({
			postal_address: false,
			sender: false,
			contacts: false,
			template: false,
			campaign_sent: false,
			team: false,
			app: false,
		});
		expect(o.checklist.map((s: { href: string }) => s.href)).toContain("/contacts/import");
	});

	it("ticks each step as the workspace really does it", async () => {
		const { cookie } = await signupOwner("Busy Co");
		await importCsv(cookie, "email,status\na@busy.example,\nb@busy.example,unsubscribed\n");
		await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>Hi</p>" }, { cookie });
		let o = await overview(cookie);
		expect(done(o)).toMatchObject({ contacts: true, template: true, team: false, app: false });
		expect(o.audience).toMatchObject({ total: 2, subscribed: 1, added_30d: 2 });
		expect(o.audience.growth[29].added).toBe(2);

		await call("POST", "/api/v1/members", { email: "pending@busy.example", role: "viewer" }, { cookie });
		await createKey(cookie, "editor");
		o = await overview(cookie);
		expect(done(o)).toMatchObject({ team: true, app: true });
	});

	it("counts a teammate who joined, and events as a connected app", async () => {
		const { cookie } = await signupOwner("Team Co");
		await addMember(cookie, "editor");
		await call("POST", "/api/v1/contacts", { email: "e@team.example" }, { cookie });
		expect(done(await overview(cookie)).app).toBe(false);
		const sent = await call("POST", "/api/v1/events", { email: "e@team.example", name: "signed_up" }, { cookie });
		expect(sent.status).toBe(202);
		expect(done(await overview(cookie))).toMatchObject({ team: true, app: true });
	});

	it("shows the last 30 days' sends and a person's opens and clicks as rates; a viewer may read it", async () => {
		const { cookie, emails } = await sentCampaign(2);
		const viewer = await addMember(cookie, "viewer");
		const before = await overview(viewer.cookie);
		expect(before).toMatchObject({ sends_30d: 2, open_rate_30d: 0, click_rate_30d: 0 });
		await hit(pathsIn(emails[0]?.html ?? "", "o")[0] ?? "");
		await hit(pathsIn(emails[0]?.html ?? "", "c")[0] ?? "");
		const o = await waitUntil("the open and click", async () => {
			const now = await overview(viewer.cookie);
			return now.click_rate_30d > 0 ? now : null;
		});
		expect(o).toMatchObject({ sends_30d: 2, open_rate_30d: 0.5, click_rate_30d: 0.5 });
		expect(done(o)).toMatchObject({ postal_address: true, sender: true, campaign_sent: true });
	});
});
