import { z } from "zod";
import type { CampaignCommand } from "../../contracts/campaign-commands";
import { CampaignStatusSchema } from "../../contracts/campaigns";
import { runCommand } from "../../services/campaign-commands";
import { findCampaign } from "../../services/campaigns";
import type { ToolContext } from "./context";
import { defineTool, type ToolKind } from "./define";

const Result = z.object({ id: z.string(), name: z.string(), status: CampaignStatusSchema, message: z.string() });

/**
 * A lifecycle command through the same service as `POST /campaigns/:id/<command>`: the campaign's
 * object decides whether the transition is legal (an illegal one comes back as an error naming the
 * status), and whatever gates sending (postal address, sender, approvals) applies here too.
 */
async function command(ctx: ToolContext, campaignId: string, cmd: CampaignCommand, said: (name: string) => string) {
	const campaign = await findCampaign(ctx.env.DB, ctx.principal.workspaceId, campaignId);
	const result = await runCommand(ctx.env, ctx.principal, campaign.id, cmd, ctx.requestUrl, ctx.ip);
	return { id: campaign.id, name: campaign.name, status: result.status, message: said(campaign.name) };
}

const simple = <const K extends ToolKind>(
	kind: K,
	type: "pause" | "resume" | "cancel",
	title: string,
	description: string,
	said: (name: string) => string,
) =>
	defineTool({
		title,
		description,
		kind,
		action: `${type} campaigns`,
		input: z.object({ campaign_id: z.string().max(100) }),
		output: Result,
		run: (ctx, { campaign_id }) => command(ctx, campaign_id, { type }, said),
	});

export const campaignCommandTools = {
	schedule_campaign: defineTool({
		title: "Schedule a campaign",
		description:
			"Schedule a draft campaign to be sent to its audience at send_at (ISO-8601, in the future). This makes real email go out at that time unless it is cancelled. Refused when the workspace has no postal address, the sender is not allowed, or approval is required and missing.",
		kind: "send",
		action: "schedule campaigns",
		input: z.object({
			campaign_id: z.string().max(100),
			send_at: z.iso.datetime({ offset: true }).describe("When to send, e.g. 2026-05-01T09:00:00Z"),
		}),
		output: Result,
		run: (ctx, { campaign_id, send_at }) =>
			command(
				ctx,
				campaign_id,
				{ type: "schedule", sendAt: Date.parse(send_at) },
				(name) => `Scheduled "${name}" to be sent at ${new Date(send_at).toISOString()}.`,
			),
	}),
	pause_campaign: simple(
		"write",
		"pause",
		"Pause a campaign",
		"Pause a sending campaign: nothing more is queued until it is resumed.",
		(name) => `Paused "${name}": no more email is queued until it is resumed.`,
	),
	resume_campaign: simple(
		"send",
		"resume",
		"Resume a campaign",
		"Resume a paused campaign where it stopped: the remaining recipients are sent real email.",
		(name) => `Resumed "${name}": the remaining recipients are being sent.`,
	),
	cancel_campaign: simple(
		"destructive",
		"cancel",
		"Cancel a campaign",
		"Cancel a scheduled, sending or paused campaign for good: nothing more is sent and it cannot be resumed.",
		(name) => `Cancelled "${name}": nothing more will be sent.`,
	),
};
