import { DurableObject } from "cloudflare:workers";

/**
 * One per workspace: a token bucket in front of the email provider, shared by every
 * campaign and consumer invocation of the workspace. `acquire` reserves the next free
 * slot and answers how long the caller must wait for it, so requests leave evenly spaced.
 */
export class RateLimiterDO extends DurableObject<Env> {
	private nextFree = 0;

	async acquire(requestsPerSecond: number): Promise<number> {
		const now = Date.now();
		// 5% headroom absorbs the jitter between a slot and the request reaching the provider
		// (a busy event loop delays timers), so no one-second window ever holds more than the limit.
		const spacing = (1000 / requestsPerSecond) * 1.05;
		const slot = Math.max(now, this.nextFree);
		this.nextFree = slot + spacing;
		return slot - now;
	}
}
