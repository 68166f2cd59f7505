import { createDb } from "../worker/db/client";
import { type EngineJourney, mirrorEnrollments } from "../worker/db/journey-engine";
import { enqueueWebhookEvents } from "../worker/services/outbound-webhooks";
import { runEffects, type SendDispatcher } from "./journey-effects";
import type { JourneyStore } from "./journey-store";

/*
 * What a shard owes the outside after a write, each from a table written in the step's own transaction: the effects
 * (sends, contact updates, webhooks), the enrollment changes mirrored to D1, and the lifecycle webhooks.
 */

const EFFECTS_BATCH = 100;
const MIRROR_BATCH = 500;

export type Flush = {
	env: Env;
	storage: DurableObjectStorage;
	store: JourneyStore;
	now: () => number;
	dispatch: SendDispatcher;
};

/** Runs pending effects and records each outcome (done, or retried later). */
export async function flushEffects(f: Flush, journey: EngineJourney) {
	for (let round = 0; round < 20; round++) {
		const now = f.now();
		const pending = f.store.pendingEffects(now, EFFECTS_BATCH);
		if (pending.length === 0) return;
		const outcomes = await runEffects(
			f.env,
			{ workspaceId: journey.workspaceId, journeyId: journey.id, now, dispatch: f.dispatch },
			pending,
		);
		f.store.transaction(() => {
			for (const o of outcomes)
				if (o.ok && o.cancelled) f.store.effectCancelled(o.key);
				else if (o.ok) f.store.effectDone(o.key);
				else f.store.effectRetry(o.key, o.retryAt ?? now, o.error, o.retryAt === null);
		});
		if (outcomes.some((o) => !o.ok)) {
			console.warn(JSON.stringify({ journey: journey.id, effects_failed: outcomes.filter((o) => !o.ok).length }));
		}
		if (pending.length < EFFECTS_BATCH) return;
	}
}

/** Enrollment statuses to D1 (which journeys a contact is in), then the lifecycle webhooks. */
export async function flushMirror(f: Flush, journey: EngineJourney) {
	for (;;) {
		const rows = f.store.mirrorPending(MIRROR_BATCH);
		if (rows.length === 0) break; // nothing to mirror, but lifecycle events may still be owed (an earlier try failed)
		await mirrorEnrollments(createDb(f.env.DB), journey.workspaceId, journey.id, rows);
		f.store.mirrored(rows);
		if (rows.length < MIRROR_BATCH) break;
	}
	await flushLifecycle(f, journey);
}

/**
 * Entries and exits to the workspace's webhook endpoints (`journey.enrolled`, `journey.exited`). A batch the queue
 * refuses stays in the outbox (the error reaches `afterWrite`, which arms a retry); each is keyed by its outbox key,
 * so one enqueued twice (a crash before it was marked sent) is one delivery.
 */
async function flushLifecycle(f: Flush, journey: EngineJourney) {
	for (;;) {
		const rows = f.store.lifecycle.pending(MIRROR_BATCH);
		if (rows.length === 0) return;
		await enqueueWebhookEvents(
			f.env,
			journey.workspaceId,
			rows.map((r) => ({
				type: r.type,
				key: r.key,
				data: { journey_id: journey.id, ...JSON.parse(r.payload) },
				at: new Date(r.at),
			})),
		);
		f.store.lifecycle.sent(rows.map((r) => r.key));
		if (rows.length < MIRROR_BATCH) return;
	}
}
