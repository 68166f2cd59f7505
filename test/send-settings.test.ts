import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../worker/db/client";
import { fanoutSteps } from "../worker/services/fanout";
import { releaseDueSends } from "../worker/services/fanout-rules";
import { dispatchJourneySends, type JourneySend } from "../worker/services/journey-sends";
import { sendLimitsFor } from "../worker/services/send-limits";
import { call, signupOwner } from "./client";
import { waitUntil } from "./tracking-helpers";

describe("workspace sending rules", () => {
	it("keeps a time zone, frequency cap and quiet hours, shows them in /me, and clears them with null", async () => {
		const { cookie } = await signupOwner("Rules Co");
		const me = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.json.workspace).toMatchObject({ timezone: "UTC", frequency_cap: null, quiet_hours: null });

		const rules = {
			timezone: "Europe/Berlin",
			frequency_cap: { max: 2, per: "P1D" },
			quiet_hours: { start: "21:00", end: "08:00" },
		};
		const patched = await call("PATCH", "/api/v1/workspace", rules, { cookie });
		expect(patched.status).toBe(200);
		expect(patched.json).toMatchObject(rules);
		expect((await call("GET", "/api/v1/me", undefined, { cookie })).json.workspace).toMatchObject(rules);

		const cleared = await call("PATCH", "/api/v1/workspace", { frequency_cap: null, quiet_hours: null }, { cookie });
		expect(cleared.json).toMatchObject({ timezone: "Europe/Berlin", frequency_cap: null, quiet_hours: null });
	});

	it("refuses an unknown time zone, a bad window or bad hours, naming the field, and changes nothing", async () => {
		const { cookie } = await signupOwner("Rules Co");
		const bad = [
			[{ timezone: "Mars/Olympus" }, "timezone"],
			[{ frequency_cap: { max: 2, per: "one day" } }, "frequency_cap.per"],
			[{ frequency_cap: { max: 0, per: "P1D" } }, "frequency_cap.max"],
			[{ quiet_hours: { start: "25:00", end: "08:00" } }, "quiet_hours.start"],
			[{ quiet_hours: { start: "08:00", end: "08:00" } }, "quiet_hours.end"],
		] as const;
		for (const [body, path] of bad) {
			const res = await call("PATCH", "/api/v1/workspace", { name: "Renamed", ...body }, { cookie });
			expect(res.status, path).toBe(400);
			expect(res.error.issues.map((i: { path: string }) => i.path)).toContain(path);
		}
		const me = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.json.workspace).toMatchObject({ name: "Rules Co", timezone: "UTC", frequency_cap: null });
	});
});

/** A workspace ready to send, with contacts (email, time zone) and a template. */
async function sendingWorkspace(people: [string, string | null][], rules: Record<string, unknown> = {}) {
	const owner = await signupOwner("Limits Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "2 Cap Rd", default_from_email: "news@cap.example", ...rules },
		{ cookie },
	);
	const ids: string[] = [];
	for (const [email, timezone] of people)
		ids.push((await call("POST", "/api/v1/contacts", { email, timezone }, { cookie })).json.id);
	const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>Hi</p>" }, { cookie });
	const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, { cookie });
	return {
		cookie,
		workspaceId: owner.workspace.id as string,
		ids,
		templateId: template.json.id as string,
		campaignId: campaign.json.id as string,
	};
}

const statsOf = async (cookie: string, id: string) =>
	(await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie })).json;

describe("frequency cap across broadcasts and journeys", () => {
	it("caps a broadcast recipient who already had a journey email today; a transactional journey does not count", async () => {
		const ws = await sendingWorkspace(
			[
				["ann@cap.example", null],
				["bob@cap.example", null],
			],
			{ frequency_cap: { max: 1, per: "P1D" } },
		);
		const [ann = "", bob = ""] = ws.ids;
		const journeySend = (key: string, contactId: string, transactional: boolean): JourneySend => ({
			key,
			workspaceId: ws.workspaceId,
			journeyId: "jny_cap",
			nodeId: transactional ? "receipt" : "welcome",
			templateId: ws.templateId,
			contactId,
			transactional,
		});
		await dispatchJourneySends(env, [journeySend("e1:welcome:1", ann, false), journeySend("e2:receipt:1", bob, true)]);
		const now = Date.now();
		const limits = await sendLimitsFor(env, ws.workspaceId, [ann, bob], now);
		const annFree = limits.capAllows(ann)(now);
		expect(typeof annFree).toBe("number");
		expect(annFree as number).toBeGreaterThan(now + 86_400_000 - 60_000);
		expect(limits.capAllows(bob)(now)).toBe(true);

		await call("POST", `/api/v1/campaigns/${ws.campaignId}/send`, undefined, { cookie: ws.cookie });
		await waitUntil("completed", async () => (await statsOf(ws.cookie, ws.campaignId)).status === "completed");
		const stats = await statsOf(ws.cookie, ws.campaignId);
		expect(stats).toMatchObject({ audience: 2, sent: 1, capped: 1, suppressed: 0, failed: 0 });
		expect(stats.audience).toBe(stats.sent + stats.suppressed + stats.capped + stats.failed);
		const capped = await call("GET", `/api/v1/campaigns/${ws.campaignId}/messages?status=capped`, undefined, {
			cookie: ws.cookie,
		});
		expect(capped.json.data.map((m: { email: string }) => m.email)).toEqual(["ann@cap.example"]);
		// Bob has had his one marketing email of the day now.
		const after = await sendLimitsFor(env, ws.workspaceId, [bob], Date.now());
		expect(after.capAllows(bob)(Date.now())).not.toBe(true);
	});
});

describe("local send time for broadcasts", () => {
	it("gives each recipient 09:00 in their own time zone (the workspace's when they have none), sent as each is due", async () => {
		const ws = await sendingWorkspace(
			[
				["tokyo@local.example", "Asia/Tokyo"],
				["newyork@local.example", "America/New_York"],
				["nozone@local.example", null],
			],
			{ timezone: "Europe/Berlin" },
		);
		const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		const sendAt = Date.parse(`${day}T00:00:00Z`);
		const scheduled = await call(
			"POST",
			`/api/v1/campaigns/${ws.campaignId}/schedule`,
			{ send_at: new Date(sendAt).toISOString(), local_time: "09:00" },
			{ cookie: ws.cookie },
		);
		expect(scheduled.status).toBe(200);
		const campaign = await call("GET", `/api/v1/campaigns/${ws.campaignId}`, undefined, { cookie: ws.cookie });
		expect(campaign.json.schedule.local_time).toBe("09:00");

		// The campaign object's first fan-out step at the send time: rows written, nobody chunked yet.
		const fanout = { campaignId: ws.campaignId, workspaceId: ws.workspaceId, segmentDefinition: null };
		const step = await fanoutSteps(env.DB, fanout, { cursor: "", seq: 0 }, 100, 1);
		expect(step.chunks).toEqual([]);
		expect(step.done).toBe(false);
		const log = await call("GET", `/api/v1/campaigns/${ws.campaignId}/messages`, undefined, { cookie: ws.cookie });
		const due = Object.fromEntries(
			log.json.data.map((m: { email: string; scheduled_for: string }) => [m.email, m.scheduled_for]),
		);
		const hour = (h: number) => new Date(sendAt + h * 3_600_000).toISOString();
		expect(due).toEqual({
			"tokyo@local.example": hour(0),
			"nozone@local.example": hour(8),
			"newyork@local.example": hour(14),
		});

		// At 10:00 UTC, Tokyo and Berlin are due (one chunk); New York still waits, so the campaign is not done.
		const db = createDb(env.DB);
		const released = await releaseDueSends(db, fanout, sendAt + 10 * 3_600_000, 100, 1);
		expect(released.chunkIds).toHaveLength(1);
		expect(released.waiting).toBe(true);
		const chunked = await env.DB.prepare(
			"SELECT email FROM messages WHERE campaign_id = ? AND chunk_id IS NOT NULL ORDER BY email",
		)
			.bind(ws.campaignId)
			.all<{ email: string }>();
		expect(chunked.results.map((r) => r.email)).toEqual(["nozone@local.example", "tokyo@local.example"]);

		// Cancelling settles everyone not yet sent, waiting or chunked.
		await call("POST", `/api/v1/campaigns/${ws.campaignId}/cancel`, undefined, { cookie: ws.cookie });
		expect(await statsOf(ws.cookie, ws.campaignId)).toMatchObject({ audience: 3, queued: 0, cancelled: 3 });
	});
});
