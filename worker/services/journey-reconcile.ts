import { createDb } from "../db/client";
import { activeJourneysEntering } from "../db/journey-dates";
import { shardName } from "../domain/journeys/shards";

/**
 * The cron's reconciliation of segment entries: each active segment-entry journey's first shard walks the segment
 * again (at most every few minutes, resumable, see durable-objects/journey-seeding.ts), so members who joined by a
 * path that never told the journeys (an import, a bulk action, an ingest) still enter, as the re-entry policy allows.
 */
export async function runJourneyReconciliation(env: Env) {
	const journeys = await activeJourneysEntering(createDb(env.DB), "segment");
	const results = await Promise.allSettled(
		journeys.map((j) => env.JOURNEY.getByName(shardName(j.id, 0)).reconcile(j.id)),
	);
	for (const [i, r] of results.entries())
		if (r.status === "rejected")
			console.error(JSON.stringify({ journey: journeys[i]?.id, reconcile_failed: String(r.reason) }));
}
