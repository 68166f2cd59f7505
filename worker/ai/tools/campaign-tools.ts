import { z } from "zod";
import {
	CampaignInputSchema,
	CampaignSchema,
	CampaignStatsSchema,
	CampaignStatusSchema,
} from "../../contracts/campaigns";
import { campaignInsights } from "../../domain/campaigns/insights";
import { audienceSize } from "../../services/audience";
import { campaignStats, providerReportsDelivery } from "../../services/campaign-stats";
import { createCampaign, findCampaign, getCampaign, listCampaigns } from "../../services/campaigns";
import { auditTool, type ToolContext } from "./context";
import { defineTool } from "./define";

const CampaignId = z.object({ campaign_id: z.string().max(100) });
const CampaignRef = z.object({ id: z.string(), name: z.string(), status: CampaignStatusSchema });
const Numbers = CampaignStatsSchema.omit({ timeline: true, links: true }).extend({
	top_links: CampaignStatsSchema.shape.links,
});
const RATE_NAMES = ["delivery", "open", "click", "click_to_open", "bounce", "complaint", "unsubscribe"] as const;

/** A campaign's numbers without the timeline, its five most clicked links kept. */
async function numbersOf(ctx: ToolContext, campaignId: string) {
	const campaign = await findCampaign(ctx.env.DB, ctx.principal.workspaceId, campaignId);
	const options = { providerReportsDelivery: providerReportsDelivery(ctx.env) };
	const stats = await campaignStats(ctx.env.DB, campaign.id, campaign.status, options);
	const { timeline: _timeline, links, ...numbers } = stats;
	return { campaign, stats, numbers: { ...numbers, top_links: links.slice(0, 5) } };
}

export const campaignTools = {
	list_campaigns: defineTool({
		title: "List campaigns",
		description: "The workspace's campaigns, newest first: status, audience segment, template, schedule and progress.",
		kind: "read",
		input: z.object({
			limit: z.number().int().min(1).max(50).default(20),
			cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
		}),
		output: z.object({ campaigns: z.array(CampaignSchema), next_cursor: z.string().nullable() }),
		run: async (ctx, input) => {
			const page = await listCampaigns(ctx.env.DB, ctx.principal.workspaceId, input);
			return { campaigns: page.data, next_cursor: page.next_cursor };
		},
	}),
	get_campaign: defineTool({
		title: "Get a campaign",
		description: "One campaign: status, audience, template, sender, schedule, progress and why it is paused.",
		kind: "read",
		input: CampaignId,
		output: CampaignSchema,
		run: (ctx, { campaign_id }) => getCampaign(ctx.env.DB, ctx.principal.workspaceId, campaign_id),
	}),
	create_campaign_draft: defineTool({
		title: "Create a campaign draft",
		description:
			"Create a campaign as a draft (never sent or scheduled by this tool: schedule it separately, or the user sends it from Pulse). Without segment_id the audience is every subscribed contact. Returns the audience size.",
		kind: "write",
		action: "create campaigns",
		input: z.object({
			name: z.string().min(1).max(200),
			template_id: z.string().max(100),
			segment_id: z.string().max(100).optional(),
			from_email: z.email().optional().describe("Defaults to the workspace's sender"),
			from_name: z.string().max(200).optional(),
			topic_id: CampaignInputSchema.shape.topic_id,
		}),
		output: z.object({
			campaign: CampaignRef,
			audience: z.object({ total: z.number().int(), sendable: z.number().int() }),
			url: z.string(),
		}),
		run: async (ctx, input) => {
			const campaign = await createCampaign(ctx.env.DB, ctx.principal, {
				name: input.name,
				template_id: input.template_id,
				audience: { segment_id: input.segment_id ?? null },
				from_email: input.from_email,
				from_name: input.from_name,
				topic_id: input.topic_id,
			});
			await auditTool(ctx, "campaign.created", { type: "campaign", id: campaign.id });
			return {
				campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
				audience: await audienceSize(ctx.env.DB, ctx.principal.workspaceId, input.segment_id ?? null),
				url: `/campaigns/${campaign.id}`,
			};
		},
	}),
	campaign_stats: defineTool({
		title: "Campaign stats",
		description:
			"A campaign's raw numbers: audience, sent, delivered, bounces, complaints, unsubscribes, opens and clicks (people only; machine opens and bot clicks counted apart) and its top links.",
		kind: "read",
		input: CampaignId,
		output: z.object({ campaign: CampaignRef, stats: Numbers }),
		run: async (ctx, { campaign_id }) => {
			const { campaign, numbers } = await numbersOf(ctx, campaign_id);
			return { campaign: { id: campaign.id, name: campaign.name, status: campaign.status }, stats: numbers };
		},
	}),
	summarize_campaign: defineTool({
		title: "Insights on a campaign's results",
		description:
			"A campaign's results (sent, opens, clicks, bounces, unsubscribes, top links) with rates, findings in plain words and suggestions for what to try next.",
		kind: "read",
		input: CampaignId,
		output: z.object({
			campaign: CampaignRef,
			stats: Numbers,
			rates: z.object(
				Object.fromEntries(RATE_NAMES.map((n) => [n, z.number().nullable()])) as Record<
					(typeof RATE_NAMES)[number],
					z.ZodNullable<z.ZodNumber>
				>,
			),
			findings: z.array(z.string()),
			suggestions: z.array(z.string()),
			url: z.string(),
		}),
		run: async (ctx, { campaign_id }) => {
			const { campaign, stats, numbers } = await numbersOf(ctx, campaign_id);
			return {
				campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
				stats: numbers,
				...campaignInsights(stats),
				url: `/campaigns/${campaign.id}`,
			};
		},
	}),
};
