import type { ApprovalPolicy, ApprovalStatus, Decision } from "../contracts/approvals";
import { createDb } from "../db/client";
import { listActiveMembers } from "../db/members";
import { isApprover } from "../domain/approvals/policy";
import type { ApprovalTarget } from "./approval-targets";
import { type NotificationMessage, notify } from "./notify";

/** The members who may approve a stage (whoever is excluded left out). */
export async function approversOf(env: Env, workspaceId: string, policy: ApprovalPolicy, stageIndex: number) {
	const stage = policy.stages[stageIndex];
	if (!stage) return [];
	const members = await listActiveMembers(createDb(env.DB), workspaceId);
	return members.filter((m) => isApprover(stage, { memberId: m.id, role: m.role })).map((m) => m.id);
}

/** Asks a stage's approvers for their review (a reminder says how long it has waited). */
export async function notifyApprovers(
	env: Env,
	workspaceId: string,
	policy: ApprovalPolicy,
	stageIndex: number,
	target: Pick<ApprovalTarget, "type" | "name" | "link">,
	options: { exclude?: string[]; message?: NotificationMessage },
) {
	const stage = policy.stages[stageIndex];
	if (!stage) return;
	const ids = await approversOf(env, workspaceId, policy, stageIndex);
	await notify(
		env,
		workspaceId,
		ids,
		options.message ?? {
			kind: "review_requested",
			title: `Review requested: ${target.name}`,
			body: `The ${target.type} "${target.name}" waits for your decision at the stage "${stage.name}".`,
			link: target.link,
		},
		{ exclude: options.exclude },
	);
}

const VERB: Record<Decision, string> = {
	approve: "approved",
	request_changes: "requested changes to",
	reject: "rejected",
};

/** Tells whoever requested the review what was decided (changes, a rejection, or the last approval). */
export async function notifyDecision(
	env: Env,
	workspaceId: string,
	target: Pick<ApprovalTarget, "type" | "name" | "link">,
	requestedBy: string | null,
	d: { stage: string; decision: Decision; comment: string | null; final: ApprovalStatus },
) {
	const done = d.final === "approved";
	await notify(env, workspaceId, requestedBy ? [requestedBy] : { atLeast: "editor" }, {
		kind: "review_decided",
		title: done ? `Approved: ${target.name}` : `Review: ${target.name} — ${VERB[d.decision]}`,
		body: done
			? `Every stage approved the ${target.type} "${target.name}": it can go out.`
			: `The stage "${d.stage}" ${VERB[d.decision]} "${target.name}"${d.comment ? `: ${d.comment}` : "."}`,
		link: target.link,
	});
}
