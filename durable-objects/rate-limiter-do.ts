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
		// 2% headroom keeps clock jitter between Pulse and the provider from crossing the limit.
		const spacing = (1000 / requestsPerSecond) * 1.02;
		const slot = Math.max(now, this.nextFree);
		this.nextFree = slot + spacing;
		return slot - now;
	}
}
