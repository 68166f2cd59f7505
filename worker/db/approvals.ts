import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { ApprovalPolicy } from "../contracts/approvals";
import type { Db } from "./client";
import { campaignVariants } from "./schema-ab";
import { approvalDecisions, approvalPolicies, approvalRequests, comments } from "./schema-approvals";

export type TargetType = "campaign" | "journey";
export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;
export type DecisionRow = typeof approvalDecisions.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;

export async function policyOf(db: Db, workspaceId: string): Promise<ApprovalPolicy | null> {
	const row = await db
		.select({ policy: approvalPolicies.policy })
		.from(approvalPolicies)
		.where(eq(approvalPolicies.workspaceId, workspaceId))
		.get();
	return row?.policy ?? null;
}

export async function savePolicy(db: Db, workspaceId: string, policy: ApprovalPolicy) {
	await db
		.insert(approvalPolicies)
		.values({ workspaceId, policy, updatedAt: new Date() })
		.onConflictDoUpdate({ target: approvalPolicies.workspaceId, set: { policy, updatedAt: new Date() } });
}

/** The newest review request of a target (the one that counts). */
export async function latestRequest(db: Db, workspaceId: string, type: TargetType, targetId: string) {
	return (
		(await db
			.select()
			.from(approvalRequests)
			.where(
				and(
					eq(approvalRequests.workspaceId, workspaceId),
					eq(approvalRequests.targetType, type),
					eq(approvalRequests.targetId, targetId),
				),
			)
			.orderBy(desc(approvalRequests.id))
			.get()) ?? null
	);
}

export function decisionsOf(db: Db, requestId: string) {
	return db
		.select()
		.from(approvalDecisions)
		.where(eq(approvalDecisions.requestId, requestId))
		.orderBy(asc(approvalDecisions.id));
}

/** A new request closes the target's earlier ones (their decisions stay as history). */
export async function insertRequest(db: Db, row: typeof approvalRequests.$inferInsert) {
	await db.batch([
		db
			.update(approvalRequests)
			.set({ open: false })
			.where(
				and(
					eq(approvalRequests.workspaceId, row.workspaceId),
					eq(approvalRequests.targetType, row.targetType),
					eq(approvalRequests.targetId, row.targetId),
				),
			),
		db.insert(approvalRequests).values(row),
	]);
}

export function insertDecisionStatement(db: Db, row: typeof approvalDecisions.$inferInsert) {
	return db.insert(approvalDecisions).values(row);
}

export function updateRequestStatement(
	db: Db,
	id: string,
	change: Partial<Pick<ApprovalRequestRow, "open" | "stageSince" | "remindedStage" | "escalatedStage" | "expiredAt">>,
) {
	return db.update(approvalRequests).set(change).where(eq(approvalRequests.id, id));
}

/**
 * Open reviews the SLA check may have to act on by `now`, oldest waiting first: those of a workspace whose policy
 * sets an SLA on some stage, waiting at least the shortest of those SLAs (no reminder, escalation or expiry comes
 * sooner). Reviews without an SLA to keep never take a place, so they hold back nobody's reminders.
 */
export function slaDueRequests(db: Db, now: Date, limit: number) {
	// Spelled out: in a single-table query drizzle leaves columns unqualified, and inside the subquery an
	// unqualified `workspace_id` would be the policy's own.
	const shortestSlaHours = sql`(SELECT MIN(s.value ->> '$.sla_hours') FROM ${approvalPolicies} p, json_each(p.policy, '$.stages') s WHERE p.workspace_id = "approval_requests"."workspace_id")`;
	return db
		.select()
		.from(approvalRequests)
		.where(
			and(
				eq(approvalRequests.open, true),
				sql`"approval_requests"."stage_since" + ${shortestSlaHours} * 3600000 <= ${now.getTime()}`,
			),
		)
		.orderBy(asc(approvalRequests.stageSince))
		.limit(limit);
}

/** A workspace's open reviews, oldest waiting first (the list of what awaits a decision). */
export function openRequestsOf(db: Db, workspaceId: string, limit: number) {
	return db
		.select()
		.from(approvalRequests)
		.where(and(eq(approvalRequests.workspaceId, workspaceId), eq(approvalRequests.open, true)))
		.orderBy(asc(approvalRequests.stageSince))
		.limit(limit);
}

/** A campaign's A/B variants in order (part of what an approval approves). */
export function variantsOf(db: Db, campaignId: string) {
	return db
		.select({
			name: campaignVariants.name,
			templateId: campaignVariants.templateId,
			subject: campaignVariants.subject,
			preheader: campaignVariants.preheader,
			fromName: campaignVariants.fromName,
		})
		.from(campaignVariants)
		.where(eq(campaignVariants.campaignId, campaignId))
		.orderBy(asc(campaignVariants.position));
}

export function insertCommentStatement(db: Db, row: typeof comments.$inferInsert) {
	return db.insert(comments).values(row);
}

export async function findComment(db: Db, workspaceId: string, type: TargetType, targetId: string, id: string) {
	return (
		(await db
			.select()
			.from(comments)
			.where(
				and(
					eq(comments.id, id),
					eq(comments.workspaceId, workspaceId),
					eq(comments.targetType, type),
					eq(comments.targetId, targetId),
				),
			)
			.get()) ?? null
	);
}

/** A target's comments, oldest first (at most 500). */
/** A page of a thread, oldest first: `limit` rows after the comment id `after` ("" from the start). */
export function commentsOf(
	db: Db,
	workspaceId: string,
	type: TargetType,
	targetId: string,
	page: { after: string; limit: number },
) {
	return db
		.select()
		.from(comments)
		.where(
			and(
				eq(comments.workspaceId, workspaceId),
				eq(comments.targetType, type),
				eq(comments.targetId, targetId),
				gt(comments.id, page.after),
			),
		)
		.orderBy(asc(comments.id))
		.limit(page.limit);
}
