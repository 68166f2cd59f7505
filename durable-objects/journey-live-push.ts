import { liveHubName } from "../worker/domain/journeys/shards";
import type { ShardCounters } from "../worker/services/journey-stats";

/** While watched, a shard pushes at most this often; a trailing push carries the last change. */
const WATCHED_EVERY_MS = 250;
/** Unwatched (or after an eviction), a change asks the hub at most this often whether anyone watches now. */
const PROBE_EVERY_MS = 30_000;
/** A snapshot or a push answered "watched" keeps the shard pushing this long. */
const LEASE_MS = 60_000;

/**
 * A shard's side of the live socket: after a write, its counters go to the journey's hub when someone watches
 * (see journey-live.ts), and only when they changed. A failed push never fails the shard's work.
 */
export class LivePush {
	private watchedUntil = 0;
	private lastPush = 0;
	private lastSent = "";
	private timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly ctx: DurableObjectState,
		private readonly env: Env,
		private readonly counters: () => ShardCounters,
	) {}

	/** A new socket's snapshot read this shard: push its changes from now on. */
	watched(): ShardCounters {
		const counters = this.counters();
		this.watchedUntil = Date.now() + LEASE_MS;
		this.lastSent = JSON.stringify(counters);
		return counters;
	}

	/** After a write that may have moved the counters. */
	async changed(journeyId: string) {
		const watched = Date.now() < this.watchedUntil;
		const wait = this.lastPush + (watched ? WATCHED_EVERY_MS : PROBE_EVERY_MS) - Date.now();
		if (wait <= 0) await this.push(journeyId);
		else if (watched && !this.timer)
			this.timer = setTimeout(() => {
				this.timer = null;
				void this.push(journeyId);
			}, wait);
	}

	private async push(journeyId: string) {
		const counters = this.counters();
		const text = JSON.stringify(counters);
		if (text === this.lastSent) return;
		this.lastPush = Date.now();
		try {
			const hub = this.env.JOURNEY.getByName(liveHubName(journeyId));
			const watching = await hub.shardCounters(this.ctx.id.toString(), counters);
			this.lastSent = watching ? text : "";
			this.watchedUntil = watching ? Date.now() + LEASE_MS : 0;
		} catch (error) {
			console.warn(JSON.stringify({ journey: journeyId, live_push_failed: String(error) }));
		}
	}
}
