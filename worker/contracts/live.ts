import { z } from "zod";
import { AB_PHASES, AbWinnerSchema } from "./ab";
import { CampaignStatsSchema, CampaignStatusSchema } from "./campaigns";

/** What a campaign's live socket sends: a snapshot first, then coalesced updates. Shared with the dashboard. */
export const LiveMessageSchema = z.discriminatedUnion("type", [
	z.object({ type: z.literal("snapshot"), stats: CampaignStatsSchema }),
	z.object({ type: z.literal("stats"), stats: CampaignStatsSchema }),
	z.object({ type: z.literal("status"), status: CampaignStatusSchema }),
	/** The A/B test's phase changed, or its winner was decided (names as in `GET /campaigns/:id/ab`). */
	z.object({ type: z.literal("ab"), phase: z.enum(AB_PHASES), winner: AbWinnerSchema.optional() }),
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

/** The counters a campaign's object keeps live, each moved by deltas between reconciliations with D1. */
export type LiveCounter =
	| "queued"
	| "sent"
	| "delivered"
	| "failed"
	| "suppressed"
	| "cancelled"
	| "capped"
	| "bounced"
	| "complained"
	| "unsubscribed"
	| "opens"
	| "unique_opens"
	| "machine_opens"
	| "clicks"
	| "unique_clicks"
	| "bot_clicks";

/**
 * What one EVENTS batch changed in one campaign's numbers: only rows the batch actually inserted count,
 * so a redelivered batch changes nothing. `reconcile` asks the object to re-read D1 (a change a delta
 * cannot say exactly, like an earlier click turning out to be a scanner's).
 */
export type StatsDelta = {
	counts: Partial<Record<LiveCounter, number>>;
	links: { url: string; clicks: number; unique_clicks: number }[];
	/** Engagement by hour: `hour` is the hour's start in ms. */
	timeline: { hour: number; opens: number; clicks: number }[];
	reconcile: boolean;
};
