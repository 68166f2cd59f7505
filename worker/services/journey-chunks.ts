import { touchChunks, unpauseChunks } from "../db/chunks";
import { createDb, type Db } from "../db/client";
import { pauseJourneyCampaign, resumeReopenedJourneyCampaigns, stalledJourneyChunks } from "../db/journey-chunks";
import { type ProviderQuota, quotaPauseReason } from "../domain/campaigns/provider-quota";
import { enqueueSends, sendChunkMessage } from "./fanout";

/*
 * The care a broadcast's object gives its chunks, for journey sends (their node campaigns have no object state):
 * a used-up provider quota pauses the node's campaign (its chunks park, nobody fails) until the quota resets, and
 * chunks whose SENDS message looks lost go back on the queue. The cron runs `sweepJourneyChunks`; re-enqueueing is
 * safe (a chunk's id and idempotency key are fixed, the consumer skips a settled chunk).
 */

/** As long as a broadcast's chunk may wait for its SENDS message before it is taken for lost (STALE_CHUNK_MS). */
const DEFAULT_STALE_MS = 5 * 60_000;
const PER_SWEEP = 500;

const staleMs = (env: Env) => {
	const configured = Number(env.STALE_CHUNK_MS);
	return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_STALE_MS;
};

/** Called by the SENDS consumer on a quota refusal: true when the chunk's campaign is a journey node's (now paused). */
export function pauseJourneyCampaignForQuota(db: Db, campaignId: string, quota: ProviderQuota) {
	return pauseJourneyCampaign(db, campaignId, quotaPauseReason(quota));
}

export async function sweepJourneyChunks(env: Env, now = Date.now()) {
	const db = createDb(env.DB);
	for (const campaign of await resumeReopenedJourneyCampaigns(db, now, 100)) {
		const ids = await unpauseChunks(db, campaign.id, now);
		await enqueueSends(
			env.SENDS,
			ids.map((id) => sendChunkMessage({ campaignId: campaign.id, workspaceId: campaign.workspaceId }, id)),
		);
	}
	const stalled = await stalledJourneyChunks(db, now - staleMs(env), PER_SWEEP);
	if (stalled.length === 0) return;
	await enqueueSends(
		env.SENDS,
		stalled.map((c) => sendChunkMessage({ campaignId: c.campaignId, workspaceId: c.workspaceId }, c.id)),
	);
	await touchChunks(
		db,
		stalled.map((c) => c.id),
		now,
	);
	console.warn(JSON.stringify({ journey_chunks_reenqueued: stalled.length }));
}
