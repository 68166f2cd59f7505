/**
 * How fast a workspace sends. Two settings, each with one meaning:
 * - the workspace's `send_rate_per_second`: recipients per second, the workspace's own bound. It sizes the chunks
 *   and sets how many the campaign object's fan-out makes a second, so recipients enter the queue at that rate;
 * - `PROVIDER_REQUESTS_PER_SECOND` (operator): the provider account's limit in requests per second (one request
 *   is one chunk). The workspace's limiter holds every provider call under it; null means none (capture outbox).
 */
export type SendPace = {
	/** Recipients per chunk (at most 100, the provider's batch size). */
	chunkSize: number;
	/** Chunks the fan-out makes per one-second tick. */
	chunksPerTick: number;
	/** Provider requests per second the limiter lets through; null when calls are not limited. */
	requestsPerSecond: number | null;
};

const MAX_CHUNK = 100;

export function sendPace(
	workspaceRecipientsPerSecond: number | null | undefined,
	providerLimit: number | null,
): SendPace {
	const rate = Math.max(1, Math.floor(workspaceRecipientsPerSecond ?? MAX_CHUNK));
	const chunkSize = Math.min(MAX_CHUNK, rate);
	return {
		chunkSize,
		chunksPerTick: Math.max(1, Math.floor(rate / chunkSize)),
		requestsPerSecond: providerLimit !== null && providerLimit > 0 ? providerLimit : null,
	};
}
