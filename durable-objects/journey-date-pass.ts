import type { EnrollRequest, EnrollResult } from "../worker/contracts/journey-shard";
import { createDb } from "../worker/db/client";
import { contactsOnMonthDay } from "../worker/db/journey-dates";
import type { EngineJourney } from "../worker/db/journey-engine";
import { startAt, targetMonthDay } from "../worker/domain/journeys/date-entry";
import { byShard } from "../worker/domain/journeys/shards";
import { sendLimitsFor } from "../worker/services/send-limits";
import { SEED_PAGE } from "./journey-seeding";

/**
 * A date-entry journey's pass for `day` (shard 0 drives it from the daily cron): the contacts whose date attribute
 * falls `offset_days` away, paged by id, each entered (once: the request's key) at `at_local` in their time zone.
 * Answers how many entered.
 */
export async function runDatePass(
	env: Env,
	journey: EngineJourney,
	day: string,
	now: number,
	enroll: (shard: number, requests: EnrollRequest[]) => Promise<EnrollResult[]>,
): Promise<number> {
	const entry = journey.definition.entry;
	if (entry.type !== "date") return 0;
	const db = createDb(env.DB);
	const md = targetMonthDay(day, entry.offset_days ?? 0);
	const { workspaceTimezone } = await sendLimitsFor(env, journey.workspaceId, [], now);
	let entered = 0;
	for (let after = ""; ; ) {
		const page = await contactsOnMonthDay(db, journey.workspaceId, entry.attribute, md, after, SEED_PAGE);
		const requests = page.map((c) => ({
			contactId: c.id,
			key: `date:${day}:${c.id}`,
			startAt: startAt(day, entry.at_local, c.timezone, workspaceTimezone),
		}));
		const results = await Promise.all(
			[...byShard(requests, (r) => r.contactId)].map(([shard, part]) => enroll(shard, part)),
		);
		entered += results.flat().filter((r) => r.ok).length;
		const last = page.at(-1);
		if (page.length < SEED_PAGE || !last) break;
		after = last.id;
	}
	return entered;
}
