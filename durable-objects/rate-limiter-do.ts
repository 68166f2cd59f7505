import { DurableObject } from "cloudflare:workers";

/**
 * One per workspace: a token bucket in front of the email provider, shared by every
 * campaign and consumer invocation of the workspace. `acquire` reserves the next free
 * slot and answers how long the caller must wait for it, so requests leave evenly spaced.
 */
export class RateLimiterDO extends DurableObject<Env> {
	private nextFree = 0;

	/**
	 * Reserves the next slot; answers how many ms the caller waits for it. `notBeforeMs` (a provider's
	 * `retry-after`) holds back every later slot too: when the provider says stop, the workspace stops.
	 */
	async acquire(requestsPerSecond: number, notBeforeMs = 0): Promise<number> {
		const now = Date.now();
		// 2.5% headroom absorbs the jitter between a slot and the request reaching the provider (a busy
		// event loop delays timers), so no one-second window ever holds more than the limit.
		const spacing = (1000 / requestsPerSecond) * 1.025;
		const slot = Math.max(now, this.nextFree, now + notBeforeMs);
		this.nextFree = slot + spacing;
		return slot - now;
	}
}
