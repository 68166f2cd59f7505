import type { SeedRequest } from "../worker/contracts/journey-shard";
import { createDb } from "../worker/db/client";
import { segmentMembersPage } from "../worker/db/journey-engine";
import { findSegmentRows } from "../worker/db/journey-segments";
import { byShard, JOURNEY_SHARDS } from "../worker/domain/journeys/shards";

/*
 * Activation of a segment-entry journey: the segment's current members are paged from D1 by contact id (a stable
 * cursor) and handed to their shards, entered (`include_existing`) or only remembered as already in the segment
 * (so only later arrivals enter). Shard 0 drives it on its alarm, saving the cursor after each page, so an eviction
 * resumes where it stopped and a page given twice enters nobody twice.
 *
 * Reconciliation (`reconcile`) is the same walk, run again from the cron: members who joined by a path that never
 * asked the journeys (an import, a bulk action) enter, as the re-entry policy allows; and every shard is given each
 * page's id range, so members it recorded there that are no longer in the segment are known to have left.
 */

export type Seeding = { workspaceId: string; segmentId: string; enroll: boolean; cursor: string; reconcile?: boolean };

/** Contacts per page (one D1 read; then one call per shard). */
export const SEED_PAGE = 5_000;

export async function seedPage(
	env: Env,
	seeding: Seeding,
	now: number,
	give: (shard: number, request: SeedRequest) => Promise<unknown>,
): Promise<Seeding | null> {
	const db = createDb(env.DB);
	const [segment] = await findSegmentRows(db, seeding.workspaceId, [seeding.segmentId]);
	if (!segment) return null;
	const ids = await segmentMembersPage(db, seeding.workspaceId, segment.definition, seeding.cursor, SEED_PAGE, now);
	const last = ids.at(-1);
	const done = ids.length < SEED_PAGE || !last;
	const request = { segmentId: seeding.segmentId, enroll: seeding.enroll };
	const parts = byShard(ids, (id) => id);
	const range = { after: seeding.cursor, upTo: done ? null : (last ?? null) };
	const shards = seeding.reconcile ? Array.from({ length: JOURNEY_SHARDS }, (_, n) => n) : [...parts.keys()];
	await Promise.all(
		shards.map((shard) =>
			give(shard, { ...request, contactIds: parts.get(shard) ?? [], ...(seeding.reconcile && { range }) }),
		),
	);
	return done ? null : { ...seeding, cursor: last };
}
