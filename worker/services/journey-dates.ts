import { createDb } from "../db/client";
import { activeDateJourneys } from "../db/journey-dates";
import { utcDay } from "../domain/journeys/date-entry";
import { shardName } from "../domain/journeys/shards";

/**
 * The cron's journey part: each active date-entry journey's first shard runs the day's pass (once per UTC day;
 * later ticks of the same day answer at once), entering the contacts whose date attribute falls on it.
 */
export async function runJourneyDatePasses(env: Env, now = Date.now()) {
	const journeys = await activeDateJourneys(createDb(env.DB));
	const day = utcDay(now);
	await Promise.all(journeys.map((j) => env.JOURNEY.getByName(shardName(j.id, 0)).datePass(j.id, day)));
}
