import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import {
	ApprovalPolicySchema,
	ApprovalSchema,
	CommentInputSchema,
	CommentSchema,
	DecideInputSchema,
} from "../contracts/approvals";
import { IdParamSchema, PageQuerySchema, page } from "../contracts/common";
import type { TargetType } from "../db/approvals";
import { clientIp } from "../middleware/auth";
import { decide, getApproval, getPolicy, putPolicy, requestReview } from "../services/approvals";
import { addComment, listComments } from "../services/comments";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const POLICY_ABOUT =
	"Ordered stages, each approved by the members it names (`approver_ids`) or members of its roles and above (`approver_roles`; neither: admins and owners), `min_approvals` each. `applies_when` limits the policy to campaigns whose audience is at least `min_audience` or that carry one of `tags` (absent: every campaign and journey). Under the policy, `schedule`/`send` and journey `activate` answer 409 `approval_required` naming the missing stage. `{stages: []}` turns approvals off.";

export const approvalPolicyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/approval-policy",
			tags: ["Approvals"],
			summary: "The workspace's approval policy",
			description: POLICY_ABOUT,
			responses: { 200: jsonResponse(ApprovalPolicySchema, "The policy") },
		}),
		async (c) => c.json(await getPolicy(c.var.db, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "put",
			path: "/approval-policy",
			tags: ["Approvals"],
			summary: "Set the approval policy",
			description: POLICY_ABOUT,
			request: { body: jsonBody(ApprovalPolicySchema) },
			responses: { 200: jsonResponse(ApprovalPolicySchema, "The policy") },
		}),
		async (c) => c.json(await putPolicy(c.var.db, c.var.principal, c.req.valid("json"), clientIp(c)), 200),
	);

/** Approval and comment routes of one kind of target (`/campaigns/{id}/...` or `/journeys/{id}/...`). */
export function reviewRoutes(type: TargetType) {
	const tags = [type === "campaign" ? "Campaigns" : "Journeys"];
	const what = type === "campaign" ? "campaign" : "journey";
	return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
		.openapi(
			defineRoute("viewer", {
				method: "get",
				path: "/{id}/approval",
				tags,
				summary: `The ${what}'s approval: status, the stage awaiting a decision, each stage's decisions`,
				description:
					"`version_hash` covers the content, audience and sender; an edit after the review was requested voids its decisions (`voided_reason` says so).",
				request: { params: IdParamSchema },
				responses: { 200: jsonResponse(ApprovalSchema, "The approval") },
			}),
			async (c) => c.json(await getApproval(c.env.DB, c.var.principal, type, c.req.valid("param").id), 200),
		)
		.openapi(
			defineRoute("editor", {
				method: "post",
				path: "/{id}/approval/request",
				tags,
				summary: `Request a review of the ${what}'s current version (the first stage's approvers are notified)`,
				request: { params: IdParamSchema },
				responses: { 200: jsonResponse(ApprovalSchema, "The approval") },
			}),
			async (c) => c.json(await requestReview(c.env, c.var.principal, type, c.req.valid("param").id, clientIp(c)), 200),
		)
		.openapi(
			defineRoute("editor", {
				method: "post",
				path: "/{id}/approval/decide",
				tags,
				summary: "Approve, request changes or reject at the stage awaiting a decision",
				description:
					"A `comment` is required unless approving (400 `validation_failed`, `issues[].path` `comment`). Only the stage's approvers may decide (403); the member who requested the review may not, unless the policy allows self-approval.",
				request: { params: IdParamSchema, body: jsonBody(DecideInputSchema) },
				responses: { 200: jsonResponse(ApprovalSchema, "The approval") },
			}),
			async (c) =>
				c.json(
					await decide(c.env, c.var.principal, type, c.req.valid("param").id, c.req.valid("json"), clientIp(c)),
					200,
				),
		)
		.openapi(
			defineRoute("viewer", {
				method: "get",
				path: "/{id}/comments",
				tags,
				summary: `The ${what}'s comment thread, oldest first`,
				request: { params: IdParamSchema, query: PageQuerySchema },
				responses: { 200: jsonResponse(page(CommentSchema), "A page of the comments") },
			}),
			async (c) =>
				c.json(
					await listComments(
						c.env.DB,
						c.var.principal.workspaceId,
						type,
						c.req.valid("param").id,
						c.req.valid("query"),
					),
					200,
				),
		)
		.openapi(
			defineRoute("editor", {
				method: "post",
				path: "/{id}/comments",
				tags,
				summary: "Add a comment (`parent_id` to reply); @name or @email mentions notify those members",
				request: { params: IdParamSchema, body: jsonBody(CommentInputSchema) },
				responses: { 201: jsonResponse(CommentSchema, "The comment") },
			}),
			async (c) =>
				c.json(
					await addComment(c.env, c.var.principal, type, c.req.valid("param").id, c.req.valid("json"), clientIp(c)),
					201,
				),
		);
}

export const campaignReviewRoutes = reviewRoutes("campaign");
export const journeyReviewRoutes = reviewRoutes("journey");
