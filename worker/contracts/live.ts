import { z } from "zod";
import { CampaignStatsSchema, CampaignStatusSchema } from "./campaigns";

/** What a campaign's live socket sends: a snapshot first, then coalesced updates. Shared with the dashboard. */
export const LiveMessageSchema = z.discriminatedUnion("type", [
	z.object({ type: z.literal("snapshot"), stats: CampaignStatsSchema }),
	z.object({ type: z.literal("stats"), stats: CampaignStatsSchema }),
	z.object({ type: z.literal("status"), status: CampaignStatusSchema }),
	z.object({
		type: z.literal("event"),
		kind: z.enum(["open", "click", "unsubscribe", "bounce", "complaint", "delivered"]),
		email: z.string(),
		url: z.string().nullable(),
		flag: z.enum(["machine", "bot"]).nullable(),
		at: z.string(),
	}),
]);
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
