import { providerRequestLimit } from "../worker/config";
import type { CampaignStatus } from "../worker/contracts/campaigns";
import { mirrorStatus } from "../worker/db/campaign-lifecycle";
import { createDb } from "../worker/db/client";
import { workspaceForSend } from "../worker/db/sends";
import { sendPace } from "../worker/domain/send-pace";
import { notifyCampaignStatus } from "../worker/services/event-notifications";
import { emitCampaignStatusWebhook } from "../worker/services/webhook-emitters";
import { type Announce, startAb } from "./ab-phase";
import type { State } from "./campaign-state";

/**
 * What follows a stored state: D1's mirror of the status (for lists) and, when the status changed, the
 * notifications and the outbound webhook.
 */
export async function publishStatus(env: Env, state: State, previous: CampaignStatus | null, now: number) {
	const changed = previous !== state.status;
	await mirrorStatus(createDb(env.DB), {
		campaignId: state.campaignId,
		status: state.status,
		sendAt: state.sendAt,
		now,
		pauseReason: state.pauseReason ?? null,
	});
	if (changed) await notifyCampaignStatus(env, state.workspaceId, state.campaignId, previous, state.status);
	if (changed) await emitCampaignStatusWebhook(env, state, previous, now);
}

/** The workspace's send rate (recipients per second) sets chunk size and chunks per tick (see `sendPace`). */
export async function loadPace(env: Env, state: State, announce: Announce) {
	const workspace = await workspaceForSend(createDb(env.DB), state.workspaceId);
	const pace = sendPace(workspace?.sendRatePerSecond, providerRequestLimit(env));
	state.chunkSize = pace.chunkSize;
	state.chunksPerTick = pace.chunksPerTick;
	// An A/B test's clock starts with the send (kept across pause and resume).
	if (state.ab === undefined) state.ab = await startAb(env, state.campaignId, Date.now(), announce);
}
