import type { SegmentDefinition } from "../contracts/segments";
import { createDb, type Db } from "../db/client";
import { countContacts } from "../db/contacts";
import { release, take } from "../db/rate-counter";
import { type CountTarget, type StoredCount, staleSegments, storeCount } from "../db/segments";
import { compileCount } from "../domain/segments/count";

/*
 * Segment counts are read from the segment row, never recounted while a list or a page waits:
 * counting a large segment is a scan of the workspace's contacts, and D1 is one database shared by
 * every workspace. A count older than COUNT_FRESH_MS is refreshed after the answer (a couple per
 * request, one workspace at a time) and by the cron job (a bounded batch, oldest first).
 */
export const COUNT_FRESH_MS = 5 * 60_000;
export const RECOUNTS_PER_REQUEST = 2;
export const RECOUNTS_PER_RUN = 25;
/** A recount that dies without releasing its workspace's lease blocks the next one for at most this long. */
const LEASE_MS = 60_000;
/** The cron job stops starting new counts after this long (a scheduled run may take 30 s of CPU). */
const RUN_BUDGET_MS = 20_000;

export async function countSegment(d1: D1Database, workspaceId: string, definition: SegmentDefinition) {
	return countContacts(createDb(d1), workspaceId, compileCount(definition, { workspaceId, now: Date.now() }));
}

/** Counts now; the time is when the count started (contacts added meanwhile may or may not be in it). */
export async function countNow(
	d1: D1Database,
	workspaceId: string,
	definition: SegmentDefinition,
): Promise<StoredCount> {
	const at = new Date();
	return { count: await countSegment(d1, workspaceId, definition), at };
}

export const isStale = (countedAt: Date | null, now = Date.now()) =>
	!countedAt || countedAt.getTime() < now - COUNT_FRESH_MS;

async function recount(d1: D1Database, db: Db, targets: CountTarget[]): Promise<number> {
	let stored = 0;
	for (const target of targets) {
		try {
			const counted = await countNow(d1, target.workspaceId, target.definition as SegmentDefinition);
			if (await storeCount(db, target, counted)) stored++;
		} catch (err) {
			// Left stale: the next run tries again. A failing segment never stops the others.
			console.error(
				JSON.stringify({
					job: "segment_count",
					segment_id: target.id,
					error: err instanceof Error ? err.message : String(err),
				}),
			);
		}
	}
	return stored;
}

/** Runs `work` unless another recount of the same workspace is under way (then does nothing). */
async function oneAtATime(db: Db, workspaceId: string, work: () => Promise<number>): Promise<number> {
	const lease = `segment-counts:${workspaceId}`;
	const taken = await take(db, lease, { max: 1, windowMs: LEASE_MS });
	if (!taken.ok) return 0;
	try {
		return await work();
	} finally {
		await release(db, lease);
	}
}

/** After a request: refreshes the oldest stale counts of one workspace, at most RECOUNTS_PER_REQUEST. */
export async function refreshWorkspaceCounts(d1: D1Database, workspaceId: string, now = Date.now()): Promise<number> {
	const db = createDb(d1);
	const stale = await staleSegments(db, {
		workspaceId,
		staleBefore: new Date(now - COUNT_FRESH_MS),
		limit: RECOUNTS_PER_REQUEST,
	});
	if (stale.length === 0) return 0;
	return oneAtATime(db, workspaceId, () => recount(d1, db, stale));
}

/** The cron job: the oldest stale counts of every workspace, one at a time, in a bounded batch. */
export async function refreshStaleCounts(
	d1: D1Database,
	options: { now?: number; limit?: number; budgetMs?: number } = {},
): Promise<number> {
	const started = Date.now();
	const db = createDb(d1);
	const stale = await staleSegments(db, {
		staleBefore: new Date((options.now ?? started) - COUNT_FRESH_MS),
		limit: options.limit ?? RECOUNTS_PER_RUN,
	});
	let stored = 0;
	for (const target of stale) {
		if (Date.now() - started > (options.budgetMs ?? RUN_BUDGET_MS)) break;
		stored += await oneAtATime(db, target.workspaceId, () => recount(d1, db, [target]));
	}
	return stored;
}
