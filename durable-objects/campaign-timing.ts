/** The campaign object's clock: how often it ticks, checks its chunks, and when a chunk counts as lost. */

export const TICK_MS = 1_000;
/** After the fan-out, how often the object checks that its chunks are settling (and completes). */
export const SETTLE_CHECK_MS = 10 * TICK_MS;
/**
 * How long a chunk may wait for its SENDS message before it is taken for lost and enqueued again: well
 * above queue latency and the backoff between retries (which touch the chunk). `STALE_CHUNK_MS` overrides it.
 */
const DEFAULT_STALE_CHUNK_MS = 5 * 60_000;
/** Stalled chunks re-enqueued per check, at most. */
export const RECOVER_PER_CHECK = 500;

export function staleChunkMs(env: Env): number {
	const configured = Number(env.STALE_CHUNK_MS);
	return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_STALE_CHUNK_MS;
}

/** How often the stalled-chunk check runs: twice per threshold, between once a second and once a minute. */
export const stallCheckEvery = (staleMs: number) => Math.min(60_000, Math.max(TICK_MS, staleMs / 2));
