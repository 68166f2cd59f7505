import { createDb } from "../db/client";
import { claimOverdue, overdueCandidates } from "../db/planning-tasks";
import { type MilestoneKey, milestoneName, taskDueAt } from "../domain/planning/milestones";
import { notify } from "./notify";

/** Overdue tasks reported per cron run, longest overdue first (the rest wait for the next run, five minutes later). */
const PER_RUN = 200;

/**
 * Tells each assignee about their tasks that passed their due date (their own, or their milestone's) while
 * still open: one notification per task, ever (a new due date or assignee makes it reportable again).
 * `now` is the trigger's scheduled time.
 */
export async function notifyOverdueTasks(env: Env, now: number) {
	const db = createDb(env.DB);
	const at = new Date(now);
	const candidates = await overdueCandidates(db, at, PER_RUN);
	const overdue = candidates.flatMap((c) => {
		const milestone = c.task.milestone as MilestoneKey;
		const due = taskDueAt({ dueAt: c.task.dueAt, milestone }, c.sendAt, c.campaignCreatedAt);
		return due && due.getTime() <= now ? [{ ...c, due, milestone }] : [];
	});
	const claimed = new Set(
		await claimOverdue(
			db,
			overdue.map((c) => c.task.id),
			at,
		),
	);
	let notified = 0;
	for (const c of overdue) {
		if (!claimed.has(c.task.id) || !c.task.assigneeId) continue;
		await notify(env, c.task.workspaceId, [c.task.assigneeId], {
			kind: "task_overdue",
			title: `Overdue: ${c.task.title}`,
			body: `${c.campaignName} · ${milestoneName(c.milestone)} was due ${c.due.toISOString().slice(0, 16).replace("T", " ")} UTC`,
			link: `/campaigns/${c.task.campaignId}`,
		});
		notified++;
	}
	return { notified };
}
