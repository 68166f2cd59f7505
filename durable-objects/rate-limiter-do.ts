import { DurableObject } from "cloudflare:workers";

/** The provider counts requests in a sliding one-second window. */
const WINDOW_MS = 1000;
/** Slots are this much wider apart than the limit asks. */
const SLOT_HEADROOM = 1.01;

/**
 * One per workspace, in front of the email provider, shared by every campaign and consumer invocation of
 * the workspace. Two parts:
 * - `acquire` reserves evenly spaced slots, so chunks line up and are prepared just before their turn;
 * - `depart` is the gate at the moment of sending: it keeps the last R requests' times (updated to when
 *   the provider answered, by `landed`) and lets a request go only if no one-second window would then
 *   hold more than R. A request that leaves late (a busy event loop delays timers) waits a little
 *   instead of crowding the window.
 */
export class RateLimiterDO extends DurableObject<Env> {
	private nextFree = 0;
	private departures: number[] = [];

	/**
	 * Reserves the next slot; answers how many ms the caller waits for it. `notBeforeMs` keeps the slot at
	 * least that far out (time to prepare a chunk, or a provider's `retry-after`).
	 */
	async acquire(requestsPerSecond: number, notBeforeMs = 0): Promise<number> {
		const now = Date.now();
		// 1% headroom: slots are spaced a little wider than the limit, so `depart` rarely has to hold anyone (and
		// never lets a window hold more than the limit when it does).
		const spacing = (1000 / requestsPerSecond) * SLOT_HEADROOM;
		const slot = Math.max(now, this.nextFree, now + notBeforeMs);
		this.nextFree = slot + spacing;
		return slot - now;
	}

	/**
	 * When a request may leave now, records it and answers `{ wait: 0, at }` (pass `at` to `landed`);
	 * otherwise answers how many ms to wait before asking again.
	 */
	async depart(requestsPerSecond: number): Promise<{ wait: number; at: number }> {
		const now = Date.now();
		const limit = Math.max(1, Math.floor(requestsPerSecond));
		this.departures = this.departures.filter((t) => t > now - WINDOW_MS).slice(-limit);
		if (this.departures.length >= limit) {
			const oldest = this.departures[this.departures.length - limit] ?? now;
			return { wait: Math.max(1, oldest + WINDOW_MS - now + 1), at: now };
		}
		this.departures.push(now);
		return { wait: 0, at: now };
	}

	/** The provider answered: counts that request from now on (it reached the provider no later than this). */
	async landed(departedAt: number): Promise<void> {
		const index = this.departures.lastIndexOf(departedAt);
		if (index >= 0) this.departures[index] = Date.now();
		this.departures.sort((a, b) => a - b);
	}
}
