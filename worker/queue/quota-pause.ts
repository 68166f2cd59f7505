import { parkChunk } from "../db/chunks";
import type { Db } from "../db/client";
import type { ProviderQuota } from "../domain/campaigns/provider-quota";
import { pauseJourneyCampaignForQuota } from "../services/journey-chunks";
import { movedDelta } from "./moved";

/** A chunk that met the quota without its campaign pausing (cancelled meanwhile) comes back this much later. */
const UNPARKED_RETRY_SECONDS = 5;

/**
 * A chunk refused because the provider's daily or monthly quota is used up: its campaign pauses until the quota resets
 * (its object resumes it then, or a person earlier), and the chunk is parked like any chunk of a paused campaign: no
 * attempt counted, no one failed, the same frozen bytes and idempotency key when it goes again.
 * `suppressed`: recipients the chunk's freeze left out just now, settled at once.
 */
export async function pauseForQuota(
	env: Env,
	db: Db,
	chunk: { id: string; campaignId: string },
	quota: ProviderQuota,
	suppressed: number,
): Promise<{ ack: true } | { retryAfterSeconds: number }> {
	const campaign = env.CAMPAIGN.getByName(chunk.campaignId);
	// A journey node's campaign has no object to pause it: it is paused here, and the cron resumes it at the reset.
	if (!(await pauseJourneyCampaignForQuota(db, chunk.campaignId, quota))) await campaign.providerQuotaReached(quota);
	if (suppressed > 0) await campaign.chunkSettled(movedDelta({ suppressed }));
	console.warn(JSON.stringify({ campaign: chunk.campaignId, chunk: chunk.id, provider_quota: quota.kind }));
	if (await parkChunk(db, chunk.id, chunk.campaignId)) return { ack: true };
	// Not paused after all (cancelled meanwhile): the next delivery settles the chunk as its campaign now says.
	return { retryAfterSeconds: UNPARKED_RETRY_SECONDS };
}
