import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { handleScheduled } from "../worker/scheduled";
import { notifyOverdueTasks } from "../worker/services/planning-overdue";
import { addMember, call, signupOwner } from "./client";
import { addTasks, copyCampaign } from "./row-copies";

const DAY = 86_400_000;

async function workspace(name: string) {
	const owner = await signupOwner(name);
	const editor = await addMember(owner.cookie, "editor");
	const viewer = await addMember(owner.cookie, "viewer");
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "1 Plan St", default_from_email: "news@plan.example" },
		{ cookie: owner.cookie },
	);
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: "T", subject: "Launch", html: "<p>Launch</p>" },
		{ cookie: editor.cookie },
	);
	return { owner, editor, viewer, templateId: template.json.id as string };
}
type Team = Awaited<ReturnType<typeof workspace>>;

const unread = async (as: { cookie: string }) =>
	(await call("GET", "/api/v1/notifications", undefined, { cookie: as.cookie })).json.unread as number;

async function campaign(t: Team, sendAt: number | null, name = "Launch") {
	const res = await call(
		"POST",
		"/api/v1/campaigns",
		{
			name,
			template_id: t.templateId,
			...(sendAt === null ? {} : { schedule: { send_at: new Date(sendAt).toISOString() } }),
		},
		{ cookie: t.editor.cookie },
	);
	if (res.status !== 201) throw new Error(res.text);
	return res.json.id as string;
}

const milestones = (t: Team, id: string) =>
	call("GET", `/api/v1/campaigns/${id}/milestones`, undefined, { cookie: t.viewer.cookie });
const addTask = (t: Team, id: string, body: Record<string, unknown>, as = t.editor) =>
	call("POST", `/api/v1/campaigns/${id}/tasks`, body, { cookie: as.cookie });
const kinds = async (as: { cookie: string }) =>
	(await call("GET", "/api/v1/notifications", undefined, { cookie: as.cookie })).json.data as {
		kind: string;
		title: string;
		link: string;
	}[];

describe("campaign planning", () => {
	let t: Team;
	let other: Team;
	beforeAll(async () => {
		[t, other] = [await workspace("Plan Co"), await workspace("Other Co")];
	});

	it("dates the milestones from the send date, and moves them and their tasks with the schedule", async () => {
		const sendAt = Date.now() + 10 * DAY;
		const id = await campaign(t, sendAt);
		const first = await milestones(t, id);
		expect(first.status).toBe(200);
		expect(first.json.milestones.map((m: { key: string; at: string }) => [m.key, Date.parse(m.at)])).toEqual([
			["content_due", sendAt - 3 * DAY],
			["review_due", sendAt - 2 * DAY],
			["test_send", sendAt - DAY],
			["send", sendAt],
		]);
		const task = await addTask(t, id, {
			milestone: "review_due",
			title: "Legal review",
			assignee_id: t.editor.memberId,
		});
		expect(task.status).toBe(201);
		expect(task.json).toMatchObject({ assignee_id: t.editor.memberId, own_due_date: false, done: false });
		expect(Date.parse(task.json.due_at)).toBe(sendAt - 2 * DAY);

		const moved = await call(
			"POST",
			`/api/v1/campaigns/${id}/schedule`,
			{ send_at: new Date(sendAt + DAY).toISOString() },
			{ cookie: t.editor.cookie },
		);
		expect(moved.status).toBe(200);
		const after = await milestones(t, id);
		const review = after.json.milestones.find((m: { key: string }) => m.key === "review_due");
		expect(Date.parse(review.at)).toBe(sendAt - DAY);
		expect(Date.parse(review.tasks[0].due_at)).toBe(sendAt - DAY);
	});

	it("marks tasks done and undone, edits and deletes them, editors only, members of the workspace only", async () => {
		const id = await campaign(t, null);
		const task = (await addTask(t, id, { milestone: "content_due", title: "Write copy" })).json;
		expect((await addTask(t, id, { milestone: "content_due", title: "x" }, t.viewer)).status).toBe(403);
		const stranger = await addTask(t, id, { milestone: "content_due", title: "x", assignee_id: other.editor.memberId });
		expect(stranger.status).toBe(400);
		expect(stranger.error.issues[0].path).toBe("assignee_id");

		const patch = (body: unknown, as = t.editor) =>
			call("PATCH", `/api/v1/tasks/${task.id}`, body, { cookie: as.cookie });
		expect((await patch({ done: true }, t.viewer)).status).toBe(403);
		const done = await patch({ done: true, assignee_id: t.editor.memberId });
		expect(done.json).toMatchObject({ done: true, assignee_id: t.editor.memberId });
		let content = (await milestones(t, id)).json.milestones[0];
		expect(content).toMatchObject({ key: "content_due", at: null, state: "done" });
		expect((await patch({ done: false, due_at: "2030-01-02T09:00:00Z" })).json).toMatchObject({
			done: false,
			own_due_date: true,
			due_at: "2030-01-02T09:00:00.000Z",
		});
		content = (await milestones(t, id)).json.milestones[0];
		expect(content.state).toBe("unscheduled");

		// Another workspace sees and changes nothing.
		const theirs = { cookie: other.owner.cookie };
		expect((await call("GET", `/api/v1/campaigns/${id}/milestones`, undefined, theirs)).status).toBe(404);
		expect(
			(await call("POST", `/api/v1/campaigns/${id}/tasks`, { milestone: "send", title: "x" }, theirs)).status,
		).toBe(404);
		expect((await call("PATCH", `/api/v1/tasks/${task.id}`, { title: "Pwned" }, theirs)).status).toBe(404);
		expect((await call("DELETE", `/api/v1/tasks/${task.id}`, undefined, theirs)).status).toBe(404);
		expect((await call("GET", `/api/v1/campaigns/${id}/readiness`, undefined, theirs)).status).toBe(404);

		expect((await call("DELETE", `/api/v1/tasks/${task.id}`, undefined, { cookie: t.editor.cookie })).status).toBe(200);
		expect((await milestones(t, id)).json.milestones[0].tasks).toEqual([]);
		const log = await call("GET", `/api/v1/audit-log?target_id=${id}`, undefined, { cookie: t.owner.cookie });
		expect(log.json.data.map((e: { action: string }) => e.action)).toEqual(
			expect.arrayContaining([
				"campaign.task_create",
				"campaign.task_done",
				"campaign.task_reopen",
				"campaign.task_delete",
			]),
		);
	});

	it("tells the assignee once when a task is overdue (again after a new due date), never about a task done or cancelled", async () => {
		const sendAt = Date.now() + 5 * DAY;
		const id = await campaign(t, sendAt, "Overdue launch");
		await call("POST", "/api/v1/notifications/read", {}, { cookie: t.viewer.cookie });
		// Due with its milestone (the day before the send); assigned to a viewer, who may still be told.
		const seed = await addTask(t, id, { milestone: "test_send", title: "Seed test", assignee_id: t.viewer.memberId });
		expect(seed.status).toBe(201);
		const finished = (
			await addTask(t, id, { milestone: "test_send", title: "Proofread", assignee_id: t.viewer.memberId })
		).json;
		await call("PATCH", `/api/v1/tasks/${finished.id}`, { done: true }, { cookie: t.editor.cookie });

		await notifyOverdueTasks(env, sendAt - 2 * DAY); // before the test-send milestone
		expect((await kinds(t.viewer)).filter((n) => n.kind === "task_overdue")).toEqual([]);
		await notifyOverdueTasks(env, sendAt - DAY + 60_000);
		await notifyOverdueTasks(env, sendAt - DAY + 120_000);
		const overdue = (await kinds(t.viewer)).filter((n) => n.kind === "task_overdue");
		expect(overdue).toHaveLength(1);
		expect(overdue[0]).toMatchObject({ title: "Overdue: Seed test", link: `/campaigns/${id}` });

		// A new due date makes it reportable again; a cancelled campaign's tasks never are.
		await call("PATCH", `/api/v1/tasks/${seed.json.id}`, { due_at: new Date(sendAt).toISOString() }, t.editor);
		const cancelled = await campaign(t, sendAt, "Cancelled launch");
		await addTask(t, cancelled, { milestone: "content_due", title: "Never mind", assignee_id: t.viewer.memberId });
		expect((await call("POST", `/api/v1/campaigns/${cancelled}/cancel`, undefined, t.editor)).status).toBe(202);
		await notifyOverdueTasks(env, sendAt + 60_000);
		const titles = (await kinds(t.viewer)).filter((n) => n.kind === "task_overdue").map((n) => n.title);
		expect(titles).toEqual(["Overdue: Seed test", "Overdue: Seed test"]);
	});

	it("puts campaigns, their milestones and journey activations of the workspace on the calendar", async () => {
		const sendAt = Date.parse("2031-03-10T09:00:00Z");
		const id = await campaign(t, sendAt, "Calendar launch");
		await campaign(other, sendAt, "Their launch");
		const journey = await call(
			"POST",
			"/api/v1/journeys",
			{ name: "Welcome", definition: { entry: { type: "api" }, start: "end", nodes: { end: { type: "exit" } } } },
			{ cookie: t.editor.cookie },
		);
		expect((await call("POST", `/api/v1/journeys/${journey.json.id}/activate`, undefined, t.editor)).status).toBe(200);

		const range = (from: string, to: string) =>
			call("GET", `/api/v1/calendar?from=${from}&to=${to}`, undefined, { cookie: t.viewer.cookie });
		const march = await range("2031-03-08T00:00:00Z", "2031-04-01T00:00:00Z");
		expect(march.status).toBe(200);
		expect(march.json.data.map((i: { type: string; name: string; at: string }) => [i.type, i.name, i.at])).toEqual([
			["milestone", "Review due: Calendar launch", "2031-03-08T09:00:00.000Z"],
			["milestone", "Test send: Calendar launch", "2031-03-09T09:00:00.000Z"],
			["campaign", "Calendar launch", "2031-03-10T09:00:00.000Z"],
		]);
		expect(march.json.data[2]).toMatchObject({ id, status: "scheduled", link: `/campaigns/${id}` });
		const now = new Date();
		const today = await range(new Date(now.getTime() - DAY).toISOString(), new Date(now.getTime() + DAY).toISOString());
		expect(
			today.json.data.filter((i: { type: string }) => i.type === "journey").map((i: { id: string }) => i.id),
		).toEqual([journey.json.id]);
		expect((await range("2031-01-01T00:00:00Z", "2031-06-01T00:00:00Z")).status).toBe(400);
	});

	it("scores the readiness checklist and passes each check once it is done", async () => {
		const id = await campaign(t, null, "Ready launch");
		const readiness = async () =>
			(await call("GET", `/api/v1/campaigns/${id}/readiness`, undefined, { cookie: t.viewer.cookie })).json;
		const failing = (r: { checks: { key: string; ok: boolean }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.key);
		const before = await readiness();
		expect(failing(before)).toEqual(["audience", "test_send"]);
		// The checklist advises; send and schedule would still go ahead (nothing they check fails).
		expect(before).toMatchObject({ score: 71, ready: false, refusals: { send: null, schedule: null } });

		await call("POST", "/api/v1/contacts", { email: "reader@plan.example" }, { cookie: t.editor.cookie });
		const test = await call(
			"POST",
			`/api/v1/templates/${t.templateId}/test-send`,
			{ to: ["qa@plan.example"] },
			{ cookie: t.editor.cookie },
		);
		expect(test.status).toBe(200);
		expect(await readiness()).toMatchObject({ score: 100, ready: true });

		// An edit of the email after the test needs a new test.
		await call("PATCH", `/api/v1/templates/${t.templateId}`, { html: "<p>Launch v2</p>" }, { cookie: t.editor.cookie });
		expect(failing(await readiness())).toEqual(["test_send"]);

		// A review policy: send and schedule would both be refused, with the very answer the command gives.
		await call(
			"PUT",
			"/api/v1/approval-policy",
			{ stages: [{ name: "Legal", approver_roles: ["admin"], min_approvals: 1 }], allow_self_approval: false },
			{ cookie: t.owner.cookie },
		);
		const held = await readiness();
		expect(failing(held)).toEqual(["test_send", "approvals"]);
		const refusal = { code: "approval_required", message: expect.stringContaining('"Legal"'), path: "approval" };
		expect(held.refusals).toEqual({ send: refusal, schedule: refusal });
		const send = await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie: t.editor.cookie });
		expect(send.status).toBe(409);
		expect(send.error).toMatchObject({ code: "approval_required", message: held.refusals.send.message });
	});

	it("says when the campaign's status or a passed send time would refuse send and schedule, as the commands answer", async () => {
		// `other` has no review policy: only the lifecycle can refuse.
		const as = { cookie: other.editor.cookie };
		const readiness = async (id: string) =>
			(await call("GET", `/api/v1/campaigns/${id}/readiness`, undefined, { cookie: other.viewer.cookie })).json
				.refusals;
		const late = await campaign(other, Date.now() + DAY, "Late");
		// The chosen time passes (written to D1: the API refuses a time in the past).
		await env.DB.prepare("UPDATE campaigns SET send_at = ? WHERE id = ?")
			.bind(Date.now() - DAY, late)
			.run();
		const passed = await readiness(late);
		expect(passed).toEqual({
			send: null,
			schedule: { code: "conflict", message: "The send time must be in the future", path: "send_at" },
		});
		const at = new Date(Date.now() - DAY).toISOString();
		const scheduled = await call("POST", `/api/v1/campaigns/${late}/schedule`, { send_at: at }, as);
		expect(scheduled.status).toBe(409);
		expect(scheduled.error.message).toBe(passed.schedule.message);

		const gone = await campaign(other, null, "Gone");
		expect((await call("POST", `/api/v1/campaigns/${gone}/cancel`, undefined, as)).status).toBe(202);
		const cancelled = await readiness(gone);
		expect(cancelled).toEqual({
			send: { code: "conflict", message: "A cancelled campaign cannot send", path: "status" },
			schedule: { code: "conflict", message: "A cancelled campaign cannot schedule", path: "status" },
		});
		const send = await call("POST", `/api/v1/campaigns/${gone}/send`, undefined, as);
		expect(send.status).toBe(409);
		expect(send.error).toMatchObject({ code: "conflict", message: cancelled.send.message });
	});

	it("reports 101 overdue tasks in one cron run, and the run's later jobs still run", async () => {
		const many = await workspace("Many Tasks Co");
		const id = await campaign(many, Date.now() + 5 * DAY, "Busy launch");
		await addTasks(id, 101, "send", many.viewer.memberId, Date.now() - DAY);
		const errors = vi.spyOn(console, "error");
		try {
			await handleScheduled(createScheduledController({ scheduledTime: Date.now() }), env, createExecutionContext());
			expect(errors.mock.calls.map((c) => String(c[0])).filter((line) => line.includes("cron job failed"))).toEqual([]);
		} finally {
			errors.mockRestore();
		}
		expect(await unread(many.viewer)).toBe(101);
		await notifyOverdueTasks(env, Date.now());
		expect(await unread(many.viewer)).toBe(101); // each told once
	});

	it("tells one workspace of its overdue task while another has 200 tasks not yet due", async () => {
		// 200 send-milestone tasks of a campaign sending in two days: near their milestone, not yet due.
		const busy = await workspace("Busy Co");
		const soon = await campaign(busy, Date.now() + 2 * DAY, "Soon");
		await addTasks(soon, 200, "send", busy.viewer.memberId);
		const late = await campaign(t, null, "Late one");
		await addTasks(late, 1, "content_due", t.viewer.memberId, Date.now() - 60_000);
		await call("POST", "/api/v1/notifications/read", {}, { cookie: t.viewer.cookie });

		await notifyOverdueTasks(env, Date.now());
		const titles = (await kinds(t.viewer)).filter((n) => n.kind === "task_overdue").map((n) => n.title);
		expect(titles).toContain("Overdue: Task 0");
		expect(await unread(busy.viewer)).toBe(0);
	});

	it("answers the calendar, the campaign list and a bulk action by filter over 120 campaigns", async () => {
		const big = await workspace("Big Co");
		const sendAt = Date.parse("2031-05-01T09:00:00Z");
		const first = await campaign(big, sendAt, "Wave");
		await copyCampaign(first, 119);
		await addTask(big, first, { milestone: "send", title: "Go", assignee_id: big.viewer.memberId });

		const calendar = await call(
			"GET",
			"/api/v1/calendar?from=2031-04-25T00:00:00Z&to=2031-05-05T00:00:00Z",
			undefined,
			{ cookie: big.viewer.cookie },
		);
		expect(calendar.status).toBe(200);
		const onCalendar = calendar.json.data.filter((i: { type: string }) => i.type === "campaign");
		expect(onCalendar).toHaveLength(120);

		const list = await call("GET", "/api/v1/campaigns?limit=200", undefined, { cookie: big.viewer.cookie });
		expect(list.status).toBe(200);
		expect(list.json.data).toHaveLength(120);

		const bulk = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "campaigns", action: "tag", filter: {}, params: { tags: ["wave"] } },
			{ cookie: big.editor.cookie },
		);
		expect(bulk.status).toBeLessThan(300);
	});
});
