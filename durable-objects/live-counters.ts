import type { CampaignStats, CampaignStatus } from "../worker/contracts/campaigns";
import type { LiveMessage, StatsDelta } from "../worker/contracts/live";
import { campaignMessageNumbers, campaignStatusOf, loadCampaignStats } from "../worker/db/campaign-stats";
import { createDb } from "../worker/db/client";
import { applyDelta, emptyDelta, mergeDelta } from "../worker/domain/tracking/live-stats";

/** Live updates are coalesced: a burst of thousands of opens becomes a few messages a second. */
const LIVE_INTERVAL_MS = 250;
/** While dashboards watch, the counters are checked against D1 at most this often (on the next change). */
const RECONCILE_EVERY_MS = 60_000;

type Live = { campaignId: string; stats: CampaignStats; reconciledAt: number };

/**
 * A campaign's live numbers, kept by its object while dashboards are connected: moved by the deltas the
 * consumers send, stored (so they survive hibernation), pushed coalesced to every socket. D1 is read only
 * for a new connection's snapshot, to reconcile (on completion, on request, and at most every minute while
 * changes come in) and, while the campaign sends, for its message counts when a chunk settles.
 */
export class LiveCounters {
	private live: Live | null = null;
	/** Deltas that arrived while D1 was being read: applied again on top of what it answers. */
	private during: StatsDelta | null = null;
	private messagesChanged = false;
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

	/** What one EVENTS batch changed. Nobody watching: nothing to keep (the next connection reads D1). */
	async apply(delta: StatsDelta) {
		if (!this.watched() || !this.live) return;
		if (this.during) mergeDelta(this.during, delta);
		this.reconcileWanted ||= delta.reconcile;
		await this.store({ ...this.live, stats: applyDelta(this.live.stats, delta) });
		this.schedulePush();
	}

	/** A chunk settled or the fan-out moved: the message counts are re-read with the next push. */
	messagesMoved() {
		this.messagesChanged = true;
		this.schedulePush();
	}

	/** The campaign's status changed; a finished campaign's numbers are reconciled with D1. */
	statusChanged(status: CampaignStatus) {
		this.broadcast({ type: "status", status });
		if (status === "completed" || status === "cancelled") this.reconcileWanted = true;
		this.messagesChanged = true;
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
		if (this.reconcileWanted || stale) {
			this.reconcileWanted = false;
			this.messagesChanged = false;
			await this.reconcile(live.campaignId);
		} else if (this.messagesChanged) {
			this.messagesChanged = false;
			const numbers = await campaignMessageNumbers(createDb(this.env.DB), live.campaignId);
			const current = this.live ?? live;
			await this.store({
				...current,
				stats: { ...current.stats, ...numbers, status: this.status() ?? current.stats.status },
			});
		}
		if (this.live) this.broadcast({ type: "stats", stats: this.live.stats });
	}

	private async reconcile(campaignId: string): Promise<CampaignStats> {
		const db = createDb(this.env.DB);
		this.during = emptyDelta();
		try {
			const status = this.status() ?? (await campaignStatusOf(db, campaignId)) ?? "draft";
			const fresh = await loadCampaignStats(db, campaignId, status);
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
