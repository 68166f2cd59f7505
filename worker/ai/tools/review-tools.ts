import { z } from "zod";
import { AbResultsSchema } from "../../contracts/ab";
import { ApprovalSchema, DECISIONS } from "../../contracts/approvals";
import { abResults } from "../../services/ab-results";
import { pickAbWinner } from "../../services/ab-winner";
import { decide, getApproval, requestReview } from "../../services/approvals";
import { findCampaign } from "../../services/campaigns";
import { defineTool } from "./define";
import { pendingApprovals } from "./pending-approvals";

const Target = z.object({
	target_type: z.enum(["campaign", "journey"]),
	target_id: z.string().max(100).describe("The campaign's or the journey's id"),
});

export const reviewTools = {
	ab_results: defineTool({
		title: "A/B test results",
		description:
			"A campaign's A/B test: its phase, each variant's sends, opens, clicks and conversions (people only) with rate, always-valid interval and p-value, and the winner once decided (with why).",
		kind: "read",
		input: z.object({ campaign_id: z.string().max(100) }),
		output: AbResultsSchema,
		run: async (ctx, { campaign_id }) => {
			const campaign = await findCampaign(ctx.env.DB, ctx.principal.workspaceId, campaign_id);
			return abResults(ctx.env, campaign.id);
		},
	}),
	pick_ab_winner: defineTool({
		title: "Pick an A/B winner",
		description:
			"End a running A/B test now with this variant as the winner: the rest of the audience is sent that variant (real email). Audited.",
		kind: "send",
		action: "pick A/B winners",
		input: z.object({ campaign_id: z.string().max(100), variant_id: z.string().max(100) }),
		output: AbResultsSchema,
		run: async (ctx, { campaign_id, variant_id }) => {
			await pickAbWinner(ctx.env, ctx.principal, campaign_id, variant_id, ctx.ip);
			return abResults(ctx.env, campaign_id);
		},
	}),
	get_approval: defineTool({
		title: "Approval status",
		description:
			"Where a campaign's or journey's approval stands: not required, pending (at which stage), approved, changes requested or rejected, with each stage's decisions and whether you may decide.",
		kind: "read",
		input: Target,
		output: ApprovalSchema,
		run: (ctx, input) => getApproval(ctx.env.DB, ctx.principal, input.target_type, input.target_id),
	}),
	list_pending_approvals: defineTool({
		title: "List pending approvals",
		description:
			"The campaigns and journeys waiting for a review decision, oldest waiting first: the stage awaiting a decision, when it was requested and whether you may decide it (decide with decide_approval).",
		kind: "read",
		input: z.object({ limit: z.number().int().min(1).max(50).default(20) }),
		output: z.object({
			pending: z.array(
				Target.extend({ name: z.string(), url: z.string(), approval: ApprovalSchema }).describe(
					"A campaign or journey awaiting review",
				),
			),
		}),
		run: async (ctx, { limit }) => ({ pending: await pendingApprovals(ctx.env.DB, ctx.principal, limit) }),
	}),
	request_approval: defineTool({
		title: "Request approval",
		description:
			"Ask for a review of a campaign's or journey's current version when the workspace's approval policy requires one before sending; the first stage's approvers are notified.",
		kind: "write",
		action: "request approvals",
		input: Target,
		output: ApprovalSchema,
		run: (ctx, input) => requestReview(ctx.env, ctx.principal, input.target_type, input.target_id, ctx.ip),
	}),
	decide_approval: defineTool({
		title: "Decide an approval",
		description:
			"Approve, request changes or reject at the stage awaiting a decision (a comment is required unless approving). Only the stage's approvers, as members, may decide: API keys cannot.",
		kind: "send",
		action: "decide approvals",
		input: Target.extend({ decision: z.enum(DECISIONS), comment: z.string().trim().max(4000).optional() }),
		output: ApprovalSchema,
		run: (ctx, { target_type, target_id, ...input }) =>
			decide(ctx.env, ctx.principal, target_type, target_id, input, ctx.ip),
	}),
};
