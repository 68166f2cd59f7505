import { z } from "@hono/zod-openapi";
import { RoleSchema } from "./common";

export const ApprovalStageSchema = z
	.object({
		name: z.string().trim().min(1).max(80).openapi({ example: "Content" }),
		approver_roles: z.array(RoleSchema).max(4).optional(),
		approver_ids: z.array(z.string().min(1).max(64)).max(50).optional().openapi({ description: "Member ids" }),
		min_approvals: z.number().int().min(1).max(20).default(1),
		sla_hours: z
			.number()
			.positive()
			.max(24 * 90)
			.optional(),
		escalate_to_role: RoleSchema.optional(),
	})
	.openapi("ApprovalStage");
export type ApprovalStage = z.infer<typeof ApprovalStageSchema>;

export const ApprovalPolicySchema = z
	.object({
		stages: z.array(ApprovalStageSchema).max(10),
		applies_when: z
			.object({
				min_audience: z.number().int().min(0).optional(),
				tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
			})
			.optional(),
		allow_self_approval: z.boolean().default(false),
	})
	.openapi("ApprovalPolicy");
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;

export const APPROVAL_STATUSES = [
	"not_required",
	"not_requested",
	"pending",
	"changes_requested",
	"approved",
	"rejected",
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const DECISIONS = ["approve", "request_changes", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

export const ApprovalDecisionSchema = z.object({
	member_id: z.string(),
	decision: z.enum(DECISIONS),
	comment: z.string().nullable(),
	at: z.string(),
});

export const ApprovalSchema = z
	.object({
		status: z.enum(APPROVAL_STATUSES),
		stage: z.string().nullable().openapi({ description: "The stage awaiting a decision, or null" }),
		stages: z.array(
			z.object({
				name: z.string(),
				status: z.enum(["waiting", "pending", "approved", "changes_requested", "rejected"]),
				decisions: z.array(ApprovalDecisionSchema),
			}),
		),
		version_hash: z.string(),
		requested_at: z.string().nullable(),
		requested_by: z.string().nullable(),
		voided_reason: z
			.string()
			.nullable()
			.openapi({ description: "Why earlier decisions no longer count (an edit after they were made)" }),
		can_decide: z.boolean().openapi({ description: "Whether the caller may decide the awaiting stage" }),
	})
	.openapi("Approval");
export type Approval = z.infer<typeof ApprovalSchema>;

export const DecideInputSchema = z
	.object({
		decision: z.enum(DECISIONS),
		comment: z.string().trim().max(4000).optional(),
	})
	.openapi("ApprovalDecisionInput");

export const CommentInputSchema = z
	.object({
		body: z.string().trim().min(1).max(10_000),
		parent_id: z.string().min(1).max(64).nullable().optional(),
	})
	.openapi("CommentInput");

export const CommentSchema = z
	.object({
		id: z.string(),
		parent_id: z.string().nullable(),
		member_id: z.string().nullable(),
		author: z.string(),
		body: z.string(),
		mentions: z.array(z.string()).openapi({ description: "Member ids mentioned (and notified)" }),
		created_at: z.string(),
	})
	.openapi("Comment");
