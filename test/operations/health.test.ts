import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { handleScheduled } from "../../worker/scheduled";
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
