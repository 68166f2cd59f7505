import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";
import { REPORT_RECIPIENTS, reportFixture } from "./report-fixture";

type Fixture = Awaited<ReturnType<typeof reportFixture>>;
let f: Fixture;
beforeAll(async () => {
	f = await reportFixture();
});

const log = async (query: string) => {
	const res = await call("GET", `/api/v1/campaigns/${f.campaignId}/messages?${query}`, undefined, { cookie: f.cookie });
	expect(res.status, res.text).toBe(200);
	return (res.json.data as { email: string }[]).map((m) => m.email).sort();
};

describe("campaign report numbers", () => {
	it("says whether the provider reports deliveries, and keeps people and machines apart", async () => {
		const stats = await call("GET", `/api/v1/campaigns/${f.campaignId}/stats`, undefined, { cookie: f.cookie });
		// The capture outbox (no RESEND_API_KEY here) reports no deliveries.
		expect(stats.json).toMatchObject({
			provider_reports_delivery: false,
			sent: 6,
			delivered: 0,
			opens: 3,
			unique_opens: 2,
			machine_opens: 1,
			unique_clicks: 1,
			bot_clicks: 0,
		});
	});

	it("draws the first hours of opens and clicks per minute, people and machines apart", async () => {
		const res = await call("GET", `/api/v1/campaigns/${f.campaignId}/timeline`, undefined, { cookie: f.cookie });
		expect(res.json.bucket).toBe("minute");
		const points = res.json.points as { at: string; opens: number; clicks: number; machine_opens: number }[];
		const sum = (key: "opens" | "clicks" | "machine_opens") => points.reduce((n, p) => n + p[key], 0);
		expect({ opens: sum("opens"), clicks: sum("clicks"), machine: sum("machine_opens") }).toEqual({
			opens: 2,
			clicks: 1,
			machine: 1,
		});
		for (const p of points) expect(Date.parse(p.at) % 60_000).toBe(0);
	});

	it("lists campaigns with their sent, opened and clicked counts (people only)", async () => {
		const draft = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Draft", template_id: f.templateId },
			{ cookie: f.cookie },
		);
		const list = await call("GET", "/api/v1/campaigns", undefined, { cookie: f.cookie });
		const byId = new Map((list.json.data as { id: string; results: unknown }[]).map((c) => [c.id, c.results]));
		expect(byId.get(f.campaignId)).toEqual({ sent: 6, opened: 2, clicked: 1 });
		expect(byId.get(draft.json.id)).toEqual({ sent: 0, opened: 0, clicked: 0 });
	});
});

describe("recipient log", () => {
	it("filters by engagement (people only), as the segment rule counts them", async () => {
		expect(await log("engagement=opened")).toEqual(["ann@report.example", "cy@report.example"]);
		expect(await log("engagement=clicked")).toEqual(["ann@report.example"]);
		expect(await log("engagement=unsubscribed")).toEqual(["dee@report.example"]);
		expect(await log("engagement=bounced")).toEqual([]);
		for (const engagement of ["opened", "clicked", "unsubscribed"]) {
			const preview = await call(
				"POST",
				"/api/v1/segments/preview",
				{ definition: { all: [{ engagement, campaign_id: f.campaignId }] } },
				{ cookie: f.cookie },
			);
			expect(preview.json.count, engagement).toBe((await log(`engagement=${engagement}`)).length);
		}
	});

	it("searches by part of the address, combined with the other filters", async () => {
		expect(await log("q=BOB")).toEqual(["bob@report.example"]);
		expect(await log("q=report&engagement=clicked&status=sent")).toEqual(["ann@report.example"]);
		expect(await log("q=nobody")).toEqual([]);
		const bad = await call("GET", `/api/v1/campaigns/${f.campaignId}/messages?engagement=forwarded`, undefined, {
			cookie: f.cookie,
		});
		expect(bad.status).toBe(400);
	});

	it("exports the log as CSV for a viewer, filtered, with formula-like cells made text", async () => {
		const viewer = await addMember(f.cookie, "viewer");
		const res = await call("GET", `/api/v1/campaigns/${f.campaignId}/messages.csv`, undefined, {
			cookie: viewer.cookie,
		});
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
		expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
		const lines = res.text.trim().split("\r\n");
		expect(lines[0]).toBe('"email","contact_id","status","attempts","last_error","sent_at","opened_at","clicked_at"');
		expect(lines).toHaveLength(1 + REPORT_RECIPIENTS.length);
		expect(res.text).toContain(`"'=1+2@report.example"`);
		expect(res.text).toContain(`"'-2@report.example"`);
		for (const line of lines.slice(1)) expect(line).toMatch(/^"[^=+\-@]/);
		const clicked = await call("GET", `/api/v1/campaigns/${f.campaignId}/messages.csv?engagement=clicked`, undefined, {
			cookie: f.cookie,
		});
		expect(clicked.text.trim().split("\r\n").slice(1)).toEqual([expect.stringMatching(/^"ann@report\.example",/)]);
	});
});

describe("campaign comparison", () => {
	it("shows 2 to 5 campaigns side by side, in the order asked; 422 outside that", async () => {
		const other = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Other", template_id: f.templateId },
			{ cookie: f.cookie },
		);
		const ids = [other.json.id, f.campaignId];
		const res = await call("GET", `/api/v1/campaigns/compare?ids=${ids.join(",")}`, undefined, { cookie: f.cookie });
		expect(res.status, res.text).toBe(200);
		expect(res.json.data.map((c: { id: string }) => c.id)).toEqual(ids);
		expect(res.json.data[1]).toMatchObject({ name: "Spring", stats: { sent: 6, unique_opens: 2, unique_clicks: 1 } });
		expect(res.json.data[1].stats.links).toBeUndefined();
		for (const query of [f.campaignId, `${f.campaignId},${f.campaignId}`, "a,b,c,d,e,f"]) {
			const refused = await call("GET", `/api/v1/campaigns/compare?ids=${query}`, undefined, { cookie: f.cookie });
			expect(refused.status, query).toBe(422);
			expect(refused.json.error.issues[0].path).toBe("ids");
		}
	});

	it("never shows another workspace's campaign report, log, export or comparison", async () => {
		const stranger = await signupOwner("Stranger");
		for (const path of ["timeline", "messages?engagement=opened", "messages.csv", "stats"]) {
			const res = await call("GET", `/api/v1/campaigns/${f.campaignId}/${path}`, undefined, {
				cookie: stranger.cookie,
			});
			expect(res.status, path).toBe(404);
			expect(res.text).not.toContain("report.example");
		}
		const res = await call("GET", `/api/v1/campaigns/compare?ids=${f.campaignId},${f.campaignId}x`, undefined, {
			cookie: stranger.cookie,
		});
		expect(res.status).toBe(404);
		const own = await call("GET", `/api/v1/campaigns/compare?ids=${f.campaignId},cmp_missing`, undefined, {
			cookie: f.cookie,
		});
		expect(own.status).toBe(404);
	});
});
