import type { Principal } from "../context";
import type { Task, TaskPatch } from "../contracts/planning";
import type { Db } from "../db/client";
import { createDb } from "../db/client";
import { findMembershipIn } from "../db/members";
import {
	deleteTaskStatement,
	findTaskRow,
	insertTaskStatement,
	type TaskChange,
	type TaskRow,
	tasksOfCampaigns,
	updateTaskStatement,
} from "../db/planning-tasks";
import { newId } from "../domain/ids";
import { type MilestoneKey, milestoneDates, milestoneState, taskDueAt } from "../domain/planning/milestones";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { findCampaign } from "./campaigns";

type Schedule = { sendAt: Date | null; createdAt: Date };
export type Caller = { actor: Principal; ip: string | null };

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentTask(row: TaskRow, campaign: Schedule, now: Date): Task {
	const due = taskDueAt(
		{ dueAt: row.dueAt, milestone: row.milestone as MilestoneKey },
		campaign.sendAt,
		campaign.createdAt,
	);
	return {
		id: row.id,
		campaign_id: row.campaignId,
		milestone: row.milestone as MilestoneKey,
		title: row.title,
		assignee_id: row.assigneeId,
		due_at: iso(due),
		own_due_date: row.dueAt !== null,
		done: row.doneAt !== null,
		done_at: iso(row.doneAt),
		overdue: row.doneAt === null && due !== null && due.getTime() <= now.getTime(),
		created_at: row.createdAt.toISOString(),
	};
}

/** The campaign's milestones from its send date, each with its tasks and where it stands. */
export async function campaignMilestones(d1: D1Database, workspaceId: string, campaignId: string, now = new Date()) {
	const campaign = await findCampaign(d1, workspaceId, campaignId);
	const tasks = (await tasksOfCampaigns(createDb(d1), workspaceId, [campaignId])).map((t) =>
		presentTask(t, campaign, now),
	);
	const started = campaign.startedAt !== null;
	return {
		send_at: iso(campaign.sendAt),
		milestones: milestoneDates(campaign.sendAt, campaign.createdAt).map((m) => {
			const own = tasks.filter((t) => t.milestone === m.key);
			return {
				key: m.key,
				name: m.name,
				at: iso(m.at),
				state: milestoneState({ key: m.key, at: m.at, tasks: own, started, now }),
				tasks: own,
			};
		}),
	};
}

async function assertAssignee(db: Db, workspaceId: string, assigneeId: string | null | undefined) {
	if (!assigneeId || (await findMembershipIn(db, workspaceId, assigneeId))) return;
	throw new ApiError("validation_failed", "Assign the task to a member of this workspace", [
		{ path: "assignee_id", message: "Member not found" },
	]);
}

const dateOf = (value: string | null | undefined) => (value ? new Date(value) : value === null ? null : undefined);

export async function createTask(
	d1: D1Database,
	caller: Caller,
	campaignId: string,
	input: { milestone: MilestoneKey; title: string; assignee_id?: string | null; due_at?: string | null },
) {
	const workspaceId = caller.actor.workspaceId;
	const db = createDb(d1);
	const campaign = await findCampaign(d1, workspaceId, campaignId);
	await assertAssignee(db, workspaceId, input.assignee_id);
	const row: TaskRow = {
		id: newId("tsk"),
		workspaceId,
		campaignId,
		milestone: input.milestone,
		title: input.title,
		assigneeId: input.assignee_id ?? null,
		dueAt: dateOf(input.due_at) ?? null,
		doneAt: null,
		overdueNotifiedAt: null,
		createdAt: new Date(),
	};
	await db.batch([insertTaskStatement(db, row), audit(db, caller, "campaign.task_create", row)]);
	return presentTask(row, campaign, new Date());
}

async function loadTask(d1: D1Database, workspaceId: string, id: string) {
	const row = await findTaskRow(createDb(d1), workspaceId, id);
	if (!row) throw notFound("Task");
	return row;
}

/** Edits a task; `done` marks it done (or not done again); a new due date or assignee may be reported overdue again. */
export async function updateTask(d1: D1Database, caller: Caller, id: string, patch: TaskPatch) {
	const workspaceId = caller.actor.workspaceId;
	const db = createDb(d1);
	const row = await loadTask(d1, workspaceId, id);
	await assertAssignee(db, workspaceId, patch.assignee_id);
	const change: TaskChange = {
		milestone: patch.milestone,
		title: patch.title,
		assigneeId: patch.assignee_id,
		dueAt: dateOf(patch.due_at),
		doneAt: patch.done === undefined ? undefined : patch.done ? (row.doneAt ?? new Date()) : null,
	};
	const rescheduled = ["milestone", "due_at", "assignee_id"].some((k) => k in patch);
	if (rescheduled) change.overdueNotifiedAt = null;
	const next = { ...row, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as TaskRow;
	const action =
		patch.done === true ? "campaign.task_done" : patch.done === false ? "campaign.task_reopen" : "campaign.task_update";
	if (Object.values(change).some((v) => v !== undefined))
		await db.batch([updateTaskStatement(db, workspaceId, id, change), audit(db, caller, action, next)]);
	const campaign = await findCampaign(d1, workspaceId, row.campaignId);
	return presentTask(next, campaign, new Date());
}

export async function deleteTask(d1: D1Database, caller: Caller, id: string) {
	const db = createDb(d1);
	const row = await loadTask(d1, caller.actor.workspaceId, id);
	await db.batch([
		deleteTaskStatement(db, caller.actor.workspaceId, id),
		audit(db, caller, "campaign.task_delete", row),
	]);
}

function audit(db: Db, caller: Caller, action: string, task: TaskRow) {
	return auditInsert(db, {
		workspaceId: task.workspaceId,
		action,
		actor: caller.actor,
		target: { type: "campaign", id: task.campaignId },
		ip: caller.ip,
		metadata: { task_id: task.id, title: task.title, milestone: task.milestone, assignee_id: task.assigneeId },
	});
}
