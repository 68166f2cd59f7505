import type { Principal } from "../context";
import type { Approval, ApprovalPolicy, Decision } from "../contracts/approvals";
import {
	type DecisionRow,
	decisionsOf,
	insertDecisionStatement,
	insertRequest,
	latestRequest,
	policyOf,
	savePolicy,
	type TargetType,
	updateRequestStatement,
} from "../db/approvals";
import { createDb, type Db } from "../db/client";
import { listActiveMembers } from "../db/members";
import {
	type ApprovalState,
	approvalState,
	type DecisionRecord,
	decisionRefusal,
	missingStages,
	policyApplies,
	type ReviewRequest,
} from "../domain/approvals/policy";
import { policyIssues } from "../domain/approvals/policy-check";
import { newId } from "../domain/ids";
import { ApiError, forbidden } from "../errors";
import { notifyApprovers, notifyDecision } from "./approval-notifications";
import { type ApprovalTarget, loadTarget } from "./approval-targets";
import { auditInsert, recordAudit } from "./audit";
import { memberIdOf } from "./notifications";
import { emitWebhookEvent } from "./outbound-webhooks";

export const NO_POLICY: ApprovalPolicy = { stages: [], allow_self_approval: false };

export async function getPolicy(db: Db, workspaceId: string): Promise<ApprovalPolicy> {
	return (await policyOf(db, workspaceId)) ?? NO_POLICY;
}

export async function putPolicy(db: Db, actor: Principal, policy: ApprovalPolicy, ip: string | null) {
	const members = new Set((await listActiveMembers(db, actor.workspaceId)).map((m) => m.id));
	const issues = policyIssues(policy, members);
	if (issues.length > 0) throw new ApiError("validation_failed", issues[0]?.message ?? "Invalid policy", issues);
	await savePolicy(db, actor.workspaceId, policy);
	await recordAudit(db, {
		workspaceId: actor.workspaceId,
		action: "approval_policy.update",
		actor,
		ip,
		metadata: { stages: policy.stages.map((s) => s.name) },
	});
	return policy;
}

const toRecord = (d: DecisionRow): DecisionRecord => ({
	stage: d.stage,
	memberId: d.memberId,
	decision: d.decision,
	comment: d.comment,
	versionHash: d.versionHash,
	at: d.createdAt,
});

export type Evaluation = {
	target: ApprovalTarget;
	policy: ApprovalPolicy;
	applies: boolean;
	request: (ReviewRequest & { id: string }) | null;
	state: ApprovalState;
};

/** The target's approval as things stand: the policy, whether it applies, the latest request and its decisions. */
export async function evaluate(d1: D1Database, workspaceId: string, type: TargetType, id: string): Promise<Evaluation> {
	const db = createDb(d1);
	const [target, policy] = await Promise.all([loadTarget(d1, db, workspaceId, type, id), getPolicy(db, workspaceId)]);
	const needsAudience = policy.applies_when?.min_audience !== undefined && policy.stages.length > 0;
	const applies = policyApplies(policy, {
		audience: needsAudience ? await target.audience() : null,
		tags: target.tags,
	});
	const row = applies ? await latestRequest(db, workspaceId, type, id) : null;
	const request = row
		? {
				id: row.id,
				requestedBy: row.requestedBy,
				versionHash: row.versionHash,
				at: row.createdAt,
				expiredAt: row.expiredAt,
			}
		: null;
	const decisions = row ? (await decisionsOf(db, row.id)).map(toRecord) : [];
	return { target, policy, applies, request, state: approvalState(policy, request, decisions, target.versionHash) };
}

function present(e: Evaluation, viewer: { memberId: string | null; role: Principal["role"] }): Approval {
	const stage = e.state.stageIndex === null ? undefined : e.policy.stages[e.state.stageIndex];
	const canDecide =
		!!stage &&
		!!e.request &&
		!!viewer.memberId &&
		decisionRefusal(
			e.policy,
			stage,
			{ memberId: viewer.memberId, role: viewer.role },
			e.request,
			e.state.stages[e.state.stageIndex ?? 0]?.decisions.some((d) => d.memberId === viewer.memberId) ?? false,
		) === null;
	return {
		status: e.applies ? e.state.status : "not_required",
		stage: e.applies && stage ? stage.name : null,
		stages: e.state.stages.map((s) => ({
			name: s.name,
			status: s.status,
			decisions: s.decisions.map((d) => ({
				member_id: d.memberId,
				decision: d.decision,
				comment: d.comment,
				at: d.at.toISOString(),
			})),
		})),
		version_hash: e.target.versionHash,
		requested_at: e.request?.at.toISOString() ?? null,
		requested_by: e.request?.requestedBy ?? null,
		voided_reason: e.applies ? e.state.voidedReason : null,
		can_decide: e.applies && canDecide,
	};
}

async function viewerOf(d1: D1Database, principal: Principal) {
	return { memberId: await memberIdOf(createDb(d1), principal), role: principal.role };
}

export async function getApproval(d1: D1Database, principal: Principal, type: TargetType, id: string) {
	const e = await evaluate(d1, principal.workspaceId, type, id);
	return present(e, await viewerOf(d1, principal));
}

/** Asks for a review of the current version; the first stage's approvers are notified. */
export async function requestReview(env: Env, actor: Principal, type: TargetType, id: string, ip: string | null) {
	const e = await evaluate(env.DB, actor.workspaceId, type, id);
	if (!e.applies) throw new ApiError("conflict", `This ${type} needs no approval under the workspace's policy`);
	if (e.state.status === "pending")
		throw new ApiError(
			"conflict",
			`A review is already waiting for the stage "${present(e, { memberId: null, role: actor.role }).stage}"`,
		);
	if (e.state.status === "approved") throw new ApiError("conflict", `This version of the ${type} is already approved`);
	const viewer = await viewerOf(env.DB, actor);
	const db = createDb(env.DB);
	const now = new Date();
	await insertRequest(db, {
		id: newId("apr"),
		workspaceId: actor.workspaceId,
		targetType: type,
		targetId: id,
		versionHash: e.target.versionHash,
		requestedBy: viewer.memberId,
		stageSince: now,
		createdAt: now,
	});
	await recordAudit(db, {
		workspaceId: actor.workspaceId,
		action: "approval.request",
		actor,
		target: { type, id },
		ip,
		metadata: { version_hash: e.target.versionHash },
	});
	const after = await evaluate(env.DB, actor.workspaceId, type, id);
	await notifyApprovers(env, actor.workspaceId, after.policy, 0, after.target, {
		exclude: after.policy.allow_self_approval || !viewer.memberId ? [] : [viewer.memberId],
	});
	return present(after, viewer);
}

/** One member's decision at the awaiting stage (a comment is required unless approving). */
export async function decide(
	env: Env,
	actor: Principal,
	type: TargetType,
	id: string,
	input: { decision: Decision; comment?: string },
	ip: string | null,
) {
	const comment = input.comment?.trim() || null;
	if (input.decision !== "approve" && !comment)
		throw new ApiError("validation_failed", "Say what should change: a comment is required unless approving", [
			{ path: "comment", message: "Required to request changes or reject" },
		]);
	// Not found (another workspace's id) comes before who may decide.
	const e = await evaluate(env.DB, actor.workspaceId, type, id);
	const viewer = await viewerOf(env.DB, actor);
	if (!viewer.memberId) throw forbidden("Approvals are decided by members, not API keys");
	const index = e.state.stageIndex;
	const stage = index === null ? undefined : e.policy.stages[index];
	if (!e.applies || !e.request || index === null || !stage)
		throw new ApiError("conflict", e.state.voidedReason ?? `No review of this ${type} is waiting for a decision`);
	const already = e.state.stages[index]?.decisions.some((d) => d.memberId === viewer.memberId) ?? false;
	const refusal = decisionRefusal(e.policy, stage, { memberId: viewer.memberId, role: actor.role }, e.request, already);
	if (refusal) throw forbidden(refusal);
	const db = createDb(env.DB);
	const now = new Date();
	await db.batch([
		insertDecisionStatement(db, {
			id: newId("apd"),
			requestId: e.request.id,
			workspaceId: actor.workspaceId,
			stage: index,
			memberId: viewer.memberId,
			decision: input.decision,
			comment,
			versionHash: e.target.versionHash,
			createdAt: now,
		}),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: `approval.${input.decision}`,
			actor,
			target: { type, id },
			ip,
			metadata: { stage: stage.name, comment, version_hash: e.target.versionHash },
		}),
	]);
	const after = await evaluate(env.DB, actor.workspaceId, type, id);
	const advanced = after.state.stageIndex !== null && after.state.stageIndex !== index;
	const closed = after.state.status !== "pending";
	if (advanced || closed)
		await updateRequestStatement(db, e.request.id, closed ? { open: false } : { stageSince: now });
	if (advanced && after.state.stageIndex !== null)
		await notifyApprovers(env, actor.workspaceId, after.policy, after.state.stageIndex, after.target, {
			exclude: after.policy.allow_self_approval || !e.request.requestedBy ? [] : [e.request.requestedBy],
		});
	if (closed || input.decision !== "approve")
		await notifyDecision(env, actor.workspaceId, after.target, e.request.requestedBy, {
			stage: stage.name,
			decision: input.decision,
			comment,
			final: after.state.status,
		});
	const decided = { target_type: type, target_id: id, stage: stage.name, decision: input.decision, comment };
	await emitWebhookEvent(env, actor.workspaceId, "approval.decided", { ...decided, status: after.state.status });
	return present(after, viewer);
}

/** 409 `approval_required` naming the stage still missing, while the policy applies and not every stage approved. */
export async function assertApproved(db: Db, workspaceId: string, type: TargetType, id: string) {
	const d1 = db.$client;
	const policy = await policyOf(db, workspaceId);
	if (!policy?.stages.length) return;
	const e = await evaluate(d1, workspaceId, type, id);
	if (!e.applies || e.state.status === "approved") return;
	const missing = missingStages(e.state)[0] ?? e.policy.stages[0]?.name ?? "review";
	const why =
		e.state.status === "pending"
			? `waiting for the stage "${missing}"`
			: e.state.status === "changes_requested"
				? `changes were requested at the stage "${missing}"`
				: e.state.status === "rejected"
					? `rejected at the stage "${missing}"`
					: `the stage "${missing}" has not approved it (request a review)`;
	throw new ApiError("approval_required", `Approval required: ${why}`, [{ path: "approval", message: missing }]);
}
