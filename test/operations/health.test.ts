import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { handleScheduled } from "../../worker/scheduled";
import { runAlertRules } from "../../worker/services/alerts";
import { addMember, call, signupOwner } from "../client";

describe("health detail", () => {
	it("shows admins the backlog, dead letters, provider errors and 429s, the last cron run and the database size", async () => {
		const owner = await signupOwner("Health Co");
		const other = await signupOwner("Healthy Elsewhere");
		const editor = await addMember(owner.cookie, "editor");
		await call("PATCH", "/api/v1/workspace", { default_from_email: "hi@health.example" }, owner);
		const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>x</p>" }, owner);
		const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, owner);
		const id = campaign.json.id as string;
		const now = Date.now();
		const chunk = (seq: number, status: string, at: number, error: string | null) =>
			env.DB.prepare(
				"insert into chunks (id, workspace_id, campaign_id, seq, status, last_error, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
			).bind(`chk_${id}_${seq}`, owner.workspace.id, id, seq, status, error, at, at);
		await env.DB.batch([
			env.DB.prepare("update campaigns set status = 'sending', started_at = ? where id = ?").bind(now, id),
			chunk(1, "queued", now - 30 * 60_000, null),
			chunk(2, "frozen", now - 1000, "429 rate_limit_exceeded: Too many requests"),
			chunk(3, "failed", now - 5000, "500 Internal error"),
			chunk(4, "sent", now - 2000, null),
		]);
		await handleScheduled(
			createScheduledController({ scheduledTime: new Date(now), cron: "*/5 * * * *" }),
			env,
			createExecutionContext(),
		);

		expect((await call("GET", "/api/v1/health/detail", undefined, editor)).status).toBe(403);
		const res = await call("GET", "/api/v1/health/detail", undefined, owner);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			queue: {
				backlog: 2,
				stale: 1,
				stale_after_minutes: 10,
				oldest_waiting_at: new Date(now - 30 * 60_000).toISOString(),
			},
			dead_letters: { chunks: 1, messages_failed: 0 },
			provider: { errors_last_hour: 2, rate_limited_last_hour: 1, requests_per_second_limit: null, rate_used: null },
			cron: { last_run_at: new Date(now).toISOString() },
		});
		expect(res.json.database.bytes).toBeGreaterThan(0);
		const theirs = await call("GET", "/api/v1/health/detail", undefined, other);
		expect(theirs.json).toMatchObject({
			queue: { backlog: 0 },
			dead_letters: { chunks: 0 },
			provider: { errors_last_hour: 0 },
		});
	});
});

describe("alert rules", () => {
	it("notify the owners once when a health figure reaches the threshold, and again only after it recovered", async () => {
		const owner = await signupOwner("Alerting Co");
		const admin = await addMember(owner.cookie, "admin");
		const editor = await addMember(owner.cookie, "editor");
		const rule = { name: "Dead letters", metric: "dead_letters", threshold: 1 };
		expect((await call("POST", "/api/v1/alert-rules", rule, editor)).status).toBe(403);
		const bad = await call("POST", "/api/v1/alert-rules", { ...rule, metric: "rate_used", threshold: 5 }, admin);
		expect(bad.status).toBe(400);
		const created = await call("POST", "/api/v1/alert-rules", rule, admin);
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ ...rule, enabled: true, firing_since: null });

		await call("PATCH", "/api/v1/workspace", { default_from_email: "hi@alerting.example" }, owner);
		const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>x</p>" }, owner);
		const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, owner);
		const id = campaign.json.id as string;
		const now = Date.now();
		await env.DB.batch([
			env.DB.prepare("update campaigns set status = 'sending', started_at = ? where id = ?").bind(now, id),
			env.DB.prepare(
				"insert into chunks (id, workspace_id, campaign_id, seq, status, last_error, created_at, updated_at) values (?, ?, ?, 1, 'failed', '500 Internal error', ?, ?)",
			).bind(`chk_${id}_1`, owner.workspace.id, id, now, now),
		]);
		const alerts = async (who: { cookie: string }) =>
			(await call("GET", "/api/v1/notifications", undefined, who)).json.data.filter(
				(n: { kind: string }) => n.kind === "alert",
			);
		await runAlertRules(env, now);
		await runAlertRules(env, now + 300_000);
		expect(await alerts(owner)).toMatchObject([
			{
				title: "Alert: Dead letters",
				body: "Dead-lettered chunks (24 h) is 1 (threshold 1).",
				link: "/settings/health",
			},
		]);
		expect(await alerts(admin)).toEqual([]);
		// Emailed too by default (the Outbox in test mode).
		const outbox = await call("GET", "/api/v1/outbox", undefined, owner);
		expect(outbox.json.data.map((m: { to: string; subject: string }) => [m.to, m.subject])).toContainEqual([
			owner.email,
			"Alert: Dead letters · Alerting Co",
		]);
		const listed = await call("GET", "/api/v1/alert-rules", undefined, admin);
		expect(listed.json.data).toMatchObject([{ id: created.json.id, firing_since: new Date(now).toISOString() }]);

		// Recovered (the chunk is a day old): the rule re-arms; the next breach notifies again.
		await runAlertRules(env, now + 25 * 3_600_000);
		expect((await call("GET", "/api/v1/alert-rules", undefined, admin)).json.data[0].firing_since).toBeNull();
		await runAlertRules(env, now + 600_000);
		expect(await alerts(owner)).toHaveLength(2);

		// A disabled rule is quiet; a deleted one is gone.
		const off = await call("PATCH", `/api/v1/alert-rules/${created.json.id}`, { enabled: false }, admin);
		expect(off.json).toMatchObject({ enabled: false, firing_since: null });
		await runAlertRules(env, now + 900_000);
		expect(await alerts(owner)).toHaveLength(2);
		expect((await call("DELETE", `/api/v1/alert-rules/${created.json.id}`, undefined, admin)).status).toBe(200);
		expect((await call("GET", "/api/v1/alert-rules", undefined, admin)).json.data).toEqual([]);
	});
});
