import { createDb } from "../db/client";
import { activeJourneys } from "../db/journey-dates";
import { JOURNEY_SHARDS, shardName } from "../domain/journeys/shards";

/**
 * The cron's reconciliation, for what reaches no journey as a change (an import, a bulk action, an ingest, a segment
 * rule that time alone changes): each active segment-entry journey's first shard walks the segment again (at most
 * every few minutes, resumable, see durable-objects/journey-seeding.ts), so members who joined still enter, as the
 * re-entry policy allows; and every shard of a journey that exits on leaving a segment checks its contacts in flight
 * against those segments (durable-objects/journey-exit-check.ts), so those who left exit.
 */
export async function runJourneyReconciliation(env: Env) {
	const journeys = await activeJourneys(createDb(env.DB));
	const calls: { journeyId: string; call: Promise<unknown> }[] = [];
	for (const j of journeys) {
		const entry = j.definition.entry.type === "segment" ? j.definition.entry.segment_id : null;
		if (entry) calls.push({ journeyId: j.id, call: env.JOURNEY.getByName(shardName(j.id, 0)).reconcile(j.id) });
		// Leaving the entry segment itself is noted by its walk.
		if ((j.definition.exit ?? []).some((x) => x.type === "segment_leave" && x.segment_id !== entry))
			for (let n = 0; n < JOURNEY_SHARDS; n++)
				calls.push({ journeyId: j.id, call: env.JOURNEY.getByName(shardName(j.id, n)).checkExits(j.id) });
	}
	const results = await Promise.allSettled(calls.map((c) => c.call));
	for (const [i, r] of results.entries())
		if (r.status === "rejected")
			console.error(JSON.stringify({ journey: calls[i]?.journeyId, reconcile_failed: String(r.reason) }));
}
