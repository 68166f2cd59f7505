import { createDb } from "../db/client";
import { activeJourneys } from "../db/journey-dates";
import { activeJourneyVersionExits } from "../db/journey-engine";
import { JOURNEY_SHARDS, shardName } from "../domain/journeys/shards";

/**
 * The cron's reconciliation, for what reaches no journey as a change (an import, a bulk action, an ingest, a segment
 * rule that time alone changes): each active segment-entry journey's first shard walks the segment again (at most
 * every few minutes, resumable, see durable-objects/journey-seeding.ts), so members who joined still enter, as the
 * re-entry policy allows; and every shard of a journey that exits on leaving a segment, in its current version or
 * in an older one contacts may still be on, checks its contacts in flight against the exit segments of their own
 * version (durable-objects/journey-exit-check.ts; a shard with nobody on such a version does nothing), so those who
 * left exit.
 */
export async function runJourneyReconciliation(env: Env) {
	const db = createDb(env.DB);
	const [journeys, versions] = await Promise.all([activeJourneys(db), activeJourneyVersionExits(db)]);
	const exitSegments = new Map<string, string[]>();
	for (const v of [...journeys, ...versions])
		for (const x of v.definition.exit ?? [])
			if (x.type === "segment_leave") exitSegments.set(v.id, [...(exitSegments.get(v.id) ?? []), x.segment_id]);
	const calls: { journeyId: string; call: Promise<unknown> }[] = [];
	for (const j of journeys) {
		const entry = j.definition.entry.type === "segment" ? j.definition.entry.segment_id : null;
		if (entry) calls.push({ journeyId: j.id, call: env.JOURNEY.getByName(shardName(j.id, 0)).reconcile(j.id) });
		// Leaving the entry segment itself is noted by its walk (for the contacts of every version).
		if ((exitSegments.get(j.id) ?? []).some((segmentId) => segmentId !== entry))
			for (let n = 0; n < JOURNEY_SHARDS; n++)
				calls.push({ journeyId: j.id, call: env.JOURNEY.getByName(shardName(j.id, n)).checkExits(j.id) });
	}
	const results = await Promise.allSettled(calls.map((c) => c.call));
	for (const [i, r] of results.entries())
		if (r.status === "rejected")
			console.error(JSON.stringify({ journey: calls[i]?.journeyId, reconcile_failed: String(r.reason) }));
}
