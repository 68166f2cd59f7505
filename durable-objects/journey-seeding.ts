import { createDb } from "../worker/db/client";
import { segmentMembersPage } from "../worker/db/journey-engine";
import { findSegmentRows } from "../worker/db/journey-segments";
import { byShard } from "../worker/domain/journeys/shards";

/*
 * Activation of a segment-entry journey: the segment's current members are paged from D1 by contact id (a stable
 * cursor) and handed to their shards, entered (`include_existing`) or only remembered as already in the segment
 * (so only later arrivals enter). Shard 0 drives it on its alarm, saving the cursor after each page, so an eviction
 * resumes where it stopped and a page given twice enters nobody twice.
 */

export type Seeding = { workspaceId: string; segmentId: string; enroll: boolean; cursor: string };

/** Contacts per page (one D1 read; then one call per shard). */
export const SEED_PAGE = 5_000;

export async function seedPage(
	env: Env,
	seeding: Seeding,
	now: number,
	give: (shard: number, contactIds: string[]) => Promise<unknown>,
): Promise<Seeding | null> {
	const db = createDb(env.DB);
	const [segment] = await findSegmentRows(db, seeding.workspaceId, [seeding.segmentId]);
	if (!segment) return null;
	const ids = await segmentMembersPage(db, seeding.workspaceId, segment.definition, seeding.cursor, SEED_PAGE, now);
	await Promise.all([...byShard(ids, (id) => id)].map(([shard, part]) => give(shard, part)));
	const last = ids.at(-1);
	return ids.length < SEED_PAGE || !last ? null : { ...seeding, cursor: last };
}
