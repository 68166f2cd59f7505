import { cancelCampaignChunks, stalledChunks, touchChunks, unpauseChunks } from "../worker/db/chunks";
import { createDb } from "../worker/db/client";
import { enqueueSends, sendChunkMessage } from "../worker/services/fanout";
import type { State } from "./campaign-state";
import { RECOVER_PER_CHECK, staleChunkMs, stallCheckEvery } from "./campaign-timing";

/** A campaign object's chunk upkeep: what goes back on the SENDS queue, and what a cancel settles. */

export async function enqueueChunks(env: Env, state: State, chunkIds: string[]) {
	await enqueueSends(
		env.SENDS,
		chunkIds.map((id) => sendChunkMessage(state, id)),
	);
}

/**
 * Chunks set aside while paused go back on the queue, in order. They are marked enqueued first: if the
 * process dies before the enqueue, the stalled-chunk check finds them.
 */
export async function requeuePaused(env: Env, state: State, now: number) {
	const ids = await unpauseChunks(createDb(env.DB), state.campaignId, now);
	await enqueueChunks(env, state, ids);
}

/** Cancelling settles what was never attempted; a chunk already with the provider finishes. */
export async function cancelPending(env: Env, campaignId: string, now: number) {
	await cancelCampaignChunks(createDb(env.DB), campaignId, now);
}

/**
 * Chunks still queued or frozen whose SENDS message should long have been processed go back on the
 * queue. Safe to repeat: the chunk id and the provider's idempotency key are fixed, a frozen chunk sends
 * the same bytes, and the consumer skips a chunk already settled. A cancelled campaign's chunk is
 * re-enqueued too: the consumer then cancels it instead of leaving its recipients queued.
 */
export class StallCheck {
	/** When this instance last looked for stalled chunks (0 after a restart: it looks at once). */
	private last = 0;

	async run(env: Env, state: State | null, now: number) {
		if (state?.status !== "sending" && state?.status !== "cancelled") return;
		const staleMs = staleChunkMs(env);
		// The alarm runs every second during the fan-out and every few seconds after it; the check (a scan of the
		// campaign's chunks) needs to run only a few times per threshold.
		if (now - this.last < stallCheckEvery(staleMs)) return;
		this.last = now;
		const db = createDb(env.DB);
		const ids = await stalledChunks(db, state.campaignId, now - staleMs, RECOVER_PER_CHECK);
		if (ids.length === 0) return;
		await enqueueChunks(env, state, ids);
		await touchChunks(db, ids, now);
		console.warn(JSON.stringify({ campaign: state.campaignId, reenqueued_stalled_chunks: ids.length }));
	}
}
