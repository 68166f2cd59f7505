import type { CampaignStats, CampaignStatus } from "../worker/contracts/campaigns";
import type { LiveMessage, StatsDelta } from "../worker/contracts/live";
import { campaignStatusOf, loadCampaignStats } from "../worker/db/campaign-stats";
import { createDb } from "../worker/db/client";
import { applyDelta, emptyDelta, mergeDelta } from "../worker/domain/tracking/live-stats";
import { providerReportsDelivery } from "../worker/services/campaign-stats";

/** Live updates are coalesced: a burst of thousands of opens becomes a few messages a second. */
const LIVE_INTERVAL_MS = 250;
/** While dashboards watch, the counters are checked against D1 at most this often (on the next change). */
const RECONCILE_EVERY_MS = 60_000;

type Live = { campaignId: string; stats: CampaignStats; reconciledAt: number };

/**
 * A campaign's live numbers, kept by its object while dashboards are connected: moved by the deltas the
 * fan-out, the SENDS consumer (per settled chunk) and the EVENTS consumer (per batch) send, stored (so they
 * survive hibernation), pushed coalesced to every socket. D1 is read only for a new connection's snapshot and
 * to reconcile (on completion, on request, and at most every minute while changes come in).
 */
export class LiveCounters {
	private live: Live | null = null;
	/** Deltas that arrived while D1 was being read: applied again on top of what it answers. */
	private during: StatsDelta | null = null;
	private reconcileWanted = false;
	private lastPush = 0;
	private pushTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly ctx: DurableObjectState,
		private readonly env: Env,
		private readonly status: () => CampaignStatus | null,
	) {}

	/** Called from the object's `blockConcurrencyWhile`. */
	async load() {
		this.live = (await this.ctx.storage.get<Live>("live")) ?? null;
	}

	private watched() {
		return this.ctx.getWebSockets().length > 0;
	}

	/** A new connection's snapshot: the numbers as D1 has them now, which the deltas then move. */
	async snapshot(campaignId: string): Promise<CampaignStats> {
		return this.reconcile(campaignId);
	}

	/** What a settled chunk, a fan-out tick or an EVENTS batch changed. Nobody watching: nothing to keep (the next connection reads D1). */
	async apply(delta: StatsDelta) {
		if (!this.watched() || !this.live) return;
		if (this.during) mergeDelta(this.during, delta);
		this.reconcileWanted ||= delta.reconcile;
		await this.store({ ...this.live, stats: applyDelta(this.live.stats, delta) });
		this.schedulePush();
	}

	/** The campaign's status changed; a finished campaign's numbers are reconciled with D1. */
	statusChanged(status: CampaignStatus) {
		this.broadcast({ type: "status", status });
		if (status === "completed" || status === "cancelled") this.reconcileWanted = true;
		if (this.live) this.live = { ...this.live, stats: { ...this.live.stats, status } };
		this.schedulePush();
	}

	broadcast(message: LiveMessage) {
		const text = JSON.stringify(message);
		for (const ws of this.ctx.getWebSockets()) {
			try {
				ws.send(text);
			} catch {
				// a closing socket; the runtime removes it
			}
		}
	}

	private schedulePush() {
		if (this.pushTimer || !this.watched()) return;
		const wait = Math.max(0, this.lastPush + LIVE_INTERVAL_MS - Date.now());
		this.pushTimer = setTimeout(() => {
			this.pushTimer = null;
			this.lastPush = Date.now();
			void this.push().catch((error) => console.error(JSON.stringify({ live: "push failed", error: String(error) })));
		}, wait);
	}

	private async push() {
		const live = this.live;
		if (!live) return;
		const stale = Date.now() - live.reconciledAt > RECONCILE_EVERY_MS;
		if (this.reconcileWanted || stale) await this.reconcile(live.campaignId);
		if (this.live) this.broadcast({ type: "stats", stats: this.live.stats });
	}

	private async reconcile(campaignId: string): Promise<CampaignStats> {
		const db = createDb(this.env.DB);
		// This read answers any reconcile asked for so far (one asked during it is kept for the next push).
		this.reconcileWanted = false;
		this.during = emptyDelta();
		try {
			const status = this.status() ?? (await campaignStatusOf(db, campaignId)) ?? "draft";
			const fresh = await loadCampaignStats(db, campaignId, status, {
				providerReportsDelivery: providerReportsDelivery(this.env),
			});
			const stats = applyDelta(fresh, { ...this.during, reconcile: false });
			await this.store({ campaignId, stats, reconciledAt: Date.now() });
			return stats;
		} finally {
			this.during = null;
		}
	}

	private async store(live: Live) {
		this.live = live;
		await this.ctx.storage.put("live", live);
	}
}
