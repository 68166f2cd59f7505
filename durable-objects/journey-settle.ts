import type { EngineJourney } from "../worker/db/journey-engine";
import { type Flush, flushEffects, flushMirror } from "./journey-flush";
import type { LivePush } from "./journey-live-push";
import type { Seeding } from "./journey-seeding";
import type { JourneyStore } from "./journey-store";

/** After a failure past a stored step (D1 or a queue down), the alarm tries again this soon, for as long as it takes. */
export const RETRY_MS = 30_000;

export type SettleDeps = {
	flush: Flush;
	store: JourneyStore;
	livePush: LivePush;
	/** Whether an exit-check pass is under way (its alarm carries it on). */
	exitsPending: () => boolean;
};

/**
 * What a journey shard does once a step is stored (see journey-do.ts): what it owes the outside (effects, D1's
 * mirror, lifecycle webhooks), one alarm at the earliest thing still to do, and the live page told. A failure here
 * never loses the step: the alarm is armed to try again before anyone hears of it.
 */
export class ShardSettle {
	constructor(private readonly d: SettleDeps) {}

	/** After a write: throws when something owed failed (the caller's work is stored, the alarm retries). */
	async afterWrite(journey: EngineJourney) {
		const { flush } = this.d;
		try {
			if (journey.status === "active") await flushEffects(flush, journey);
			await flushMirror(flush, journey);
		} catch (error) {
			// The step is stored (with its effects and mirror rows): the alarm is set before the caller hears of the
			// failure, so the contacts' next steps and what is still owed do not wait for a later write to this shard.
			await this.arm(journey, Date.now() + RETRY_MS);
			throw error;
		}
		await this.arm(journey);
		await this.d.livePush.changed(journey.id);
	}

	/**
	 * After entries are stored: they stand whatever fails next (the first step's effects, D1's mirror, the live page),
	 * so the failure is logged and left to the alarm instead of reaching the caller as a refused entry.
	 */
	async afterEntries(journey: EngineJourney) {
		try {
			await this.afterWrite(journey);
		} catch (error) {
			console.error(JSON.stringify({ journey: journey.id, after_entry_failed: String(error) }));
		}
	}

	/** One alarm at the earliest due step, pending effect, seeding or exit-check page, or `retryAt`; none while paused. */
	async arm(journey: EngineJourney, retryAt: number | null = null) {
		const { store, flush } = this.d;
		const seeding = store.getMeta<Seeding>("seeding") || this.d.exitsPending() ? Date.now() : null;
		const times = [store.nextDue(), store.nextEffect(), seeding, retryAt].filter((t): t is number => t !== null);
		if (journey.status !== "active" || times.length === 0) await flush.storage.deleteAlarm();
		else await flush.storage.setAlarm(Math.min(...times));
	}

	/** The alarm failed: it rings again soon, not left to the runtime's few alarm retries. */
	retryLater = () => this.d.flush.storage.setAlarm(Date.now() + RETRY_MS);
}
