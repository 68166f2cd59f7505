import type { Db } from "../db/client";
import { journeysOfCampaigns } from "../db/journey-sends";
import { liveHubName } from "../domain/journeys/shards";

/** A journey send node's hidden campaign id starts so (see `journeyCampaignId`): other campaigns skip the lookup. */
const JOURNEY_CAMPAIGN_PREFIX = "cmp_j";

/**
 * Tracking events just recorded for journey emails (opens, clicks, deliveries, bounces, complaints): each journey's
 * live hub is told once per batch, so a watched live page shows the new email numbers (the hub ignores it when no
 * socket is open, and coalesces its pushes). A failed nudge never fails the batch: the next push or reconnect catches up.
 */
export async function nudgeJourneyLives(env: Env, db: Db, campaignIds: (string | null | undefined)[]) {
	const ids = [...new Set(campaignIds.filter((id): id is string => !!id?.startsWith(JOURNEY_CAMPAIGN_PREFIX)))];
	if (ids.length === 0) return;
	try {
		const journeyIds = await journeysOfCampaigns(db, ids);
		await Promise.all(journeyIds.map((id) => env.JOURNEY.getByName(liveHubName(id)).emailsChanged()));
	} catch (error) {
		console.warn(JSON.stringify({ journey_live_nudge_failed: String(error) }));
	}
}
