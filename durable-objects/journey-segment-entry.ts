import type { SeedRequest } from "../worker/contracts/journey-shard";
import type { EngineJourney } from "../worker/db/journey-engine";
import type { JourneyLoader } from "./journey-loader";
import { applySeed, planSeed } from "./journey-members";
import { type Seeding, seedPage } from "./journey-seeding";
import type { JourneyStore } from "./journey-store";

/** A segment-entry journey's reconciliation pass starts at most this often (the cron asks every 5 minutes). */
const RECONCILE_EVERY_MS = 10 * 60_000;

type Shard = { seed(journeyId: string, request: SeedRequest): Promise<{ entered: number }> };

export type SegmentEntryDeps = {
	env: Env;
	store: JourneyStore;
	loader: JourneyLoader;
	now: () => number;
	/** This object when `n` is 0 (shard 0 drives the walk), else another shard's stub. */
	shard: (journeyId: string, n: number) => Shard;
	afterWrite: (journey: EngineJourney) => Promise<void>;
};

/**
 * A shard's side of segment entry (see journey-seeding.ts and journey-members.ts): a page of members given to it,
 * and, on shard 0, the walk over the segment on activation and on each reconciliation pass.
 */
export class SegmentEntry {
	constructor(private readonly d: SegmentEntryDeps) {}

	/** Segment members (activation or reconciliation): entered, or remembered as already in; leavers noted. */
	async seed(journey: EngineJourney, request: SeedRequest): Promise<{ entered: number }> {
		const { store, loader } = this.d;
		const now = this.d.now();
		const plan = planSeed(store, request);
		if (plan.fresh.length === 0 && plan.left.length === 0) return { entered: 0 };
		const definitions = await loader.loadDefinitions(
			journey,
			plan.leaving.map((e) => e.version),
		);
		const entering = request.enroll && plan.fresh.length > 0;
		const step = entering ? await loader.prepare(journey, plan.fresh, [], now) : null;
		const entered = store.transaction(() => applySeed(store, journey, definitions, step, request, plan, now));
		await this.d.afterWrite(journey);
		return { entered };
	}

	/** Starts a reconciliation pass unless one ran lately or activation's hand-out still runs; answers whether it did. */
	startReconcile(journey: EngineJourney): boolean {
		const { store } = this.d;
		const entry = journey.definition.entry;
		if (journey.status !== "active" || entry.type !== "segment") return false;
		const last = store.getMeta<number>("reconciled_at");
		if (store.getMeta<Seeding>("seeding") || (last !== null && this.d.now() - last < RECONCILE_EVERY_MS)) return false;
		store.setMeta("reconciled_at", this.d.now());
		const seeding = { workspaceId: journey.workspaceId, segmentId: entry.segment_id, enroll: true, cursor: "" };
		store.setMeta("seeding", { ...seeding, reconcile: true });
		return true;
	}

	/** Pages of the segment until done or out of time; the cursor is saved after each page. */
	async seedSome(journey: EngineJourney, budgetMs: number) {
		const { store } = this.d;
		const started = Date.now();
		let seeding = store.getMeta<Seeding>("seeding");
		while (seeding && Date.now() - started < budgetMs) {
			seeding = await seedPage(this.d.env, seeding, this.d.now(), (n, request) =>
				this.d.shard(journey.id, n).seed(journey.id, request),
			);
			if (seeding) store.setMeta("seeding", seeding);
			else store.deleteMeta("seeding");
		}
	}
}
