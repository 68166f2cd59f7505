import { DurableObject } from "cloudflare:workers";
import type { ProviderRate } from "../worker/queue/providers/provider";

/** The provider counts requests in a sliding one-second window. */
const WINDOW_MS = 1000;
/** Slots are this much wider apart than the limit asks. */
const SLOT_HEADROOM = 1.01;

/**
 * One per provider account (named by `providerAccount`), in front of the email provider, shared by every
 * workspace, campaign, test send and consumer invocation that sends through that account. Two parts:
 * - `acquire` reserves evenly spaced slots, so chunks line up and are prepared just before their turn;
 * - `depart` is the gate at the moment of sending: it keeps the last R requests' times (updated to when
 *   the provider answered, by `landed`) and lets a request go only if no one-second window would then
 *   hold more than R. A request that leaves late (a busy event loop delays timers) waits a little
 *   instead of crowding the window.
 * R is the configured limit, or the one the provider states in its answers (`ratelimit-limit`) when lower; and
 * when an answer says nothing is left in the provider's window that Pulse's own requests do not explain
 * (someone else uses the account), nobody leaves before the provider's window resets.
 */
export class RateLimiterDO extends DurableObject<Env> {
	private nextFree = 0;
	private departures: number[] = [];
	/** The limit the provider stated in its latest answer (requests a second). */
	private statedLimit = Number.POSITIVE_INFINITY;
	/** No request leaves before this: the provider said its window was full. */
	private blockedUntil = 0;

	/** The limit in force: the caller's (configured) one, or the provider's when lower. */
	private rate(requestsPerSecond: number) {
		return Math.min(requestsPerSecond, this.statedLimit);
	}

	/**
	 * Reserves the next slot; answers how many ms the caller waits for it. `notBeforeMs` keeps the slot at
	 * least that far out (time to prepare a chunk, or a provider's `retry-after`).
	 */
	async acquire(requestsPerSecond: number, notBeforeMs = 0): Promise<number> {
		const now = Date.now();
		// 1% headroom: slots are spaced a little wider than the limit, so `depart` rarely has to hold anyone (and
		// never lets a window hold more than the limit when it does).
		const spacing = (1000 / this.rate(requestsPerSecond)) * SLOT_HEADROOM;
		const slot = Math.max(now, this.nextFree, now + notBeforeMs, this.blockedUntil);
		this.nextFree = slot + spacing;
		return slot - now;
	}

	/**
	 * When a request may leave now, records it and answers `{ wait: 0, at }` (pass `at` to `landed`);
	 * otherwise answers how many ms to wait before asking again.
	 */
	async depart(requestsPerSecond: number): Promise<{ wait: number; at: number }> {
		const now = Date.now();
		if (this.blockedUntil > now) return { wait: this.blockedUntil - now, at: now };
		const limit = Math.max(1, Math.floor(this.rate(requestsPerSecond)));
		this.departures = this.departures.filter((t) => t > now - WINDOW_MS).slice(-limit);
		if (this.departures.length >= limit) {
			const oldest = this.departures[this.departures.length - limit] ?? now;
			return { wait: Math.max(1, oldest + WINDOW_MS - now + 1), at: now };
		}
		this.departures.push(now);
		return { wait: 0, at: now };
	}

	/**
	 * The provider answered: counts that request from now on (it reached the provider no later than this), and
	 * learns the limit the answer stated. "None left" is waited out until the provider's reset unless Pulse's own
	 * requests in the last second fill the limit: then the window above already holds the next one just as long
	 * (more precisely than a reset given in whole seconds).
	 */
	async landed(departedAt: number, stated?: ProviderRate): Promise<void> {
		const now = Date.now();
		const index = this.departures.lastIndexOf(departedAt);
		if (index >= 0) this.departures[index] = now;
		this.departures.sort((a, b) => a - b);
		if (!stated) return;
		this.statedLimit = stated.limit;
		// Every request of ours in the provider's window when it counted this one reached it after `departedAt`
		// minus a window, and is recorded here at that time or later (when it left, or when its answer came).
		const ours = this.departures.filter((t) => t > departedAt - WINDOW_MS).length;
		if (stated.remaining <= 0 && ours < stated.limit)
			this.blockedUntil = Math.max(this.blockedUntil, now + stated.resetMs);
	}
}
