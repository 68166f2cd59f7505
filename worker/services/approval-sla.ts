import { type ApprovalRequestRow, slaDueRequests, updateRequestStatement } from "../db/approvals";
import { createDb } from "../db/client";
import { slaSteps } from "../domain/approvals/policy";
import { ApiError } from "../errors";
import { notifyApprovers } from "./approval-notifications";
import { type Evaluation, evaluate } from "./approvals";
import { auditInsert } from "./audit";
import { notify } from "./notify";

const hoursSince = (since: Date, now: Date) => Math.floor((now.getTime() - since.getTime()) / 3_600_000);

/** Ends a review nobody decided: the send stays held, the requester is told to ask again, the log says why. */
async function expire(env: Env, row: ApprovalRequestRow, e: Evaluation, stageName: string, now: Date) {
	const db = createDb(env.DB);
	await db.batch([
		updateRequestStatement(db, row.id, { open: false, expiredAt: now }),
		auditInsert(db, {
			workspaceId: row.workspaceId,
			action: "approval.expire",
			target: { type: row.targetType, id: row.targetId },
			metadata: { stage: stageName, waited_hours: hoursSince(row.stageSince, now) },
		}),
	]);
	if (row.requestedBy)
		await notify(env, row.workspaceId, [row.requestedBy], {
			kind: "review_decided",
			title: `Review expired: ${e.target.name}`,
			body: `The stage "${stageName}" waited ${hoursSince(row.stageSince, now)} hours without a decision, so the review ended. Request a new review to send.`,
			link: e.target.link,
		});
}

/**
 * From the cron: reminds a stage's approvers once its SLA has passed, escalates to `escalate_to_role`
 * once twice the SLA has passed (each once per stage), expires the review at three times the SLA, and
 * closes reviews whose target is gone or no longer waiting. At most 100 reviews a run, of those past the
 * shortest SLA of their workspace's policy (reviews with no SLA to keep are never looked at).
 */
export async function runApprovalSla(env: Env, now = new Date()) {
	const db = createDb(env.DB);
	for (const row of await slaDueRequests(db, now, 100)) {
		try {
			const e = await evaluate(env.DB, row.workspaceId, row.targetType, row.targetId);
			const index = e.state.stageIndex;
			const stage = index === null ? undefined : e.policy.stages[index];
			if (!e.applies || e.request?.id !== row.id || index === null || !stage) {
				await updateRequestStatement(db, row.id, { open: false });
				continue;
			}
			const done = { reminded: row.remindedStage, escalated: row.escalatedStage };
			for (const step of slaSteps(stage, index, row.stageSince, done, now)) {
				if (step.kind === "expire") {
					await expire(env, row, e, stage.name, now);
					break;
				}
				const message = {
					kind: "review_overdue" as const,
					title: `Review overdue: ${e.target.name}`,
					body: `The stage "${stage.name}" has waited ${hoursSince(row.stageSince, now)} hours for a decision (SLA ${stage.sla_hours} h)${step.kind === "escalate" ? ": escalated to you" : ""}.`,
					link: e.target.link,
				};
				if (step.kind === "remind") await notifyApprovers(env, row.workspaceId, e.policy, index, e.target, { message });
				else if (stage.escalate_to_role)
					await notify(env, row.workspaceId, { atLeast: stage.escalate_to_role }, message);
				await updateRequestStatement(
					db,
					row.id,
					step.kind === "remind" ? { remindedStage: index } : { escalatedStage: index },
				);
			}
		} catch (error) {
			if (error instanceof ApiError && error.code === "not_found") {
				await updateRequestStatement(db, row.id, { open: false });
				continue;
			}
			console.error(JSON.stringify({ requestId: row.id, error: `approval SLA: ${String(error)}` }));
		}
	}
}
