import type { ApprovalPolicy, ApprovalStage, ApprovalStatus, Decision } from "../../contracts/approvals";
import type { Role } from "../../contracts/common";
import { hasRole } from "../roles";

export type DecisionRecord = {
	stage: number;
	memberId: string;
	decision: Decision;
	comment: string | null;
	versionHash: string;
	at: Date;
};
export type ReviewRequest = { requestedBy: string | null; versionHash: string; at: Date; expiredAt?: Date | null };
export type StageStatus = "waiting" | "pending" | "approved" | "changes_requested" | "rejected";

export type ApprovalState = {
	status: ApprovalStatus;
	/** Index of the stage awaiting a decision (null when none is). */
	stageIndex: number | null;
	stages: { name: string; status: StageStatus; decisions: DecisionRecord[] }[];
	voidedReason: string | null;
};

/** Whether the policy asks for approval of this target (no stages: never). */
export function policyApplies(
	policy: ApprovalPolicy | null,
	target: { audience: number | null; tags: string[] },
): boolean {
	if (!policy || policy.stages.length === 0) return false;
	const when = policy.applies_when;
	if (!when) return true;
	const byAudience = when.min_audience !== undefined;
	const byTags = (when.tags?.length ?? 0) > 0;
	if (!byAudience && !byTags) return true;
	const overAudience = byAudience && (target.audience ?? 0) >= (when.min_audience ?? 0);
	const tagged = byTags && target.tags.some((t) => when.tags?.includes(t));
	return overAudience || tagged;
}

/**
 * The approval of the current version: decisions made on another version no longer count (the reason
 * says so); stages are decided in order, each needing `min_approvals` approvals; a request for changes
 * or a rejection at the awaiting stage stops the review until a new request.
 */
export function approvalState(
	policy: ApprovalPolicy,
	request: ReviewRequest | null,
	decisions: DecisionRecord[],
	currentHash: string,
): ApprovalState {
	const stale = request !== null && request.versionHash !== currentHash;
	const valid = stale ? [] : decisions.filter((d) => d.versionHash === currentHash);
	const voidedReason = !stale
		? null
		: decisions.length > 0
			? `The content, audience or sender was edited after ${decisions.length === 1 ? "a decision" : `${decisions.length} decisions`}: they no longer count. Request a review of this version.`
			: "The content, audience or sender was edited after the review was requested. Request a review of this version.";
	const stages = policy.stages.map((s, i) => ({
		name: s.name,
		status: "waiting" as StageStatus,
		decisions: valid.filter((d) => d.stage === i),
	}));
	if (!request || stale) {
		return { status: "not_requested", stageIndex: null, stages, voidedReason };
	}
	if (request.expiredAt) {
		const reason = `The review expired on ${request.expiredAt.toISOString().slice(0, 10)}: a stage waited three times its SLA without a decision. Request a new review.`;
		return { status: "not_requested", stageIndex: null, stages, voidedReason: reason };
	}
	for (const [i, stage] of stages.entries()) {
		const blocking = stage.decisions.find((d) => d.decision !== "approve");
		if (blocking) {
			stage.status = blocking.decision === "reject" ? "rejected" : "changes_requested";
			return { status: stage.status, stageIndex: null, stages, voidedReason };
		}
		const approvals = new Set(stage.decisions.map((d) => d.memberId)).size;
		if (approvals >= (policy.stages[i]?.min_approvals ?? 1)) {
			stage.status = "approved";
			continue;
		}
		stage.status = "pending";
		return { status: "pending", stageIndex: i, stages, voidedReason };
	}
	return { status: "approved", stageIndex: null, stages, voidedReason };
}

export type Decider = { memberId: string; role: Role };

/**
 * Who approves a stage: the members it names, and members of its roles or above; a stage naming
 * nobody is approved by admins and owners. Viewers never approve.
 */
export function isApprover(stage: ApprovalStage, member: Decider): boolean {
	if (!hasRole(member.role, "editor")) return false;
	const roles = stage.approver_roles ?? [];
	if (stage.approver_ids?.includes(member.memberId)) return true;
	if (roles.some((r) => hasRole(member.role, r))) return true;
	return !stage.approver_ids?.length && roles.length === 0 && hasRole(member.role, "admin");
}

/** Why this member may not decide the stage (null: they may). */
export function decisionRefusal(
	policy: ApprovalPolicy,
	stage: ApprovalStage,
	decider: Decider,
	request: ReviewRequest,
	alreadyDecided: boolean,
): string | null {
	if (!policy.allow_self_approval && request.requestedBy === decider.memberId)
		return "You requested this review: another member must decide it";
	if (!isApprover(stage, decider)) return `You are not an approver of the stage "${stage.name}"`;
	if (alreadyDecided) return `You already decided the stage "${stage.name}"`;
	return null;
}

/** The stages not approved yet, by name, for the 409 that blocks a send. */
export function missingStages(state: ApprovalState): string[] {
	return state.stages.filter((s) => s.status !== "approved").map((s) => s.name);
}

export type SlaStep = { kind: "remind" | "escalate" | "expire"; stage: number };

/**
 * What the cron owes an open review: a reminder to the stage's approvers once its SLA has passed, an
 * escalation to `escalate_to_role` once twice the SLA has passed (each once per stage), and the review's
 * expiry at three times the SLA (a review nobody decides must not hold a send forever, nor pass silently).
 */
export function slaSteps(
	stage: ApprovalStage | undefined,
	stageIndex: number,
	since: Date,
	done: { reminded: number | null; escalated: number | null },
	now: Date,
): SlaStep[] {
	if (!stage?.sla_hours) return [];
	const waited = now.getTime() - since.getTime();
	const sla = stage.sla_hours * 3_600_000;
	const steps: SlaStep[] = [];
	if (waited >= sla && done.reminded !== stageIndex) steps.push({ kind: "remind", stage: stageIndex });
	if (stage.escalate_to_role && waited >= 2 * sla && done.escalated !== stageIndex)
		steps.push({ kind: "escalate", stage: stageIndex });
	if (waited >= 3 * sla) steps.push({ kind: "expire", stage: stageIndex });
	return steps;
}
