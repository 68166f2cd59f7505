import type { Db } from "../db/client";
import type { Erasure } from "../db/erase";
import { contactJourneyIds } from "../db/journey-engine";
import { shardName, shardOf } from "../domain/journeys/shards";

/** More journeys than any workspace runs: every journey the contact was ever in. */
const MAX_JOURNEYS = 1000;

/**
 * Erasure in the journeys (their shards hold the enrollments): in each journey the contact has been in (D1's index
 * knows them) the contact's shard exits their enrollments (`contact_gone`), cancels their pending steps and keeps
 * no personal data of theirs. The index rows stay: ids and statuses only, and how a repeated erasure finds the shards.
 */
export async function eraseFromJourneys(env: Env, db: Db, e: Erasure) {
	const journeys = await contactJourneyIds(db, e.workspaceId, e.contactId, MAX_JOURNEYS);
	await Promise.all(
		journeys.map(({ journeyId }) =>
			env.JOURNEY.getByName(shardName(journeyId, shardOf(e.contactId))).eraseContact(journeyId, e.contactId),
		),
	);
}
