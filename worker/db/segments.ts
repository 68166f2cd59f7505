import { and, asc, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "./client";
import { segments } from "./schema-contacts";

export type SegmentRow = typeof segments.$inferSelect;
/** What a recount needs: the rules, and the edit it was counted for. */
export type CountTarget = Pick<SegmentRow, "id" | "workspaceId" | "definition" | "updatedAt">;
export type StoredCount = { count: number; at: Date };

export async function findSegmentRow(db: Db, workspaceId: string, id: string): Promise<SegmentRow | undefined> {
	const [row] = await db
		.select()
		.from(segments)
		.where(and(eq(segments.id, id), eq(segments.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

/** Newest first, ids below `beforeId`; `limit` rows (ask for one more to know if another page exists). */
export function segmentPage(db: Db, workspaceId: string, beforeId: string, limit: number): Promise<SegmentRow[]> {
	return db
		.select()
		.from(segments)
		.where(and(eq(segments.workspaceId, workspaceId), lt(segments.id, beforeId)))
		.orderBy(desc(segments.id))
		.limit(limit);
}

export async function insertSegment(
	db: Db,
	row: { id: string; workspaceId: string; name: string; definition: unknown; at: Date; counted: StoredCount },
): Promise<void> {
	await db.insert(segments).values({
		id: row.id,
		workspaceId: row.workspaceId,
		name: row.name,
		definition: row.definition,
		cachedCount: row.counted.count,
		countedAt: row.counted.at,
		createdAt: row.at,
		updatedAt: row.at,
	});
}

/** Renames and/or re-rules; a new definition comes with its count, so the stored count always matches the rules. */
export async function updateSegmentRow(
	db: Db,
	workspaceId: string,
	id: string,
	change: { name: string; at: Date; definition?: { value: unknown; counted: StoredCount } },
): Promise<void> {
	const rules = change.definition
		? {
				definition: change.definition.value,
				cachedCount: change.definition.counted.count,
				countedAt: change.definition.counted.at,
			}
		: {};
	await db
		.update(segments)
		.set({ name: change.name, updatedAt: change.at, ...rules })
		.where(and(eq(segments.id, id), eq(segments.workspaceId, workspaceId)));
}

export async function deleteSegmentRow(db: Db, workspaceId: string, id: string): Promise<void> {
	await db.delete(segments).where(and(eq(segments.id, id), eq(segments.workspaceId, workspaceId)));
}

/**
 * Stores a background count, unless the segment was edited (or deleted) since the rules were read:
 * a count of old rules never overwrites the count of new ones.
 */
export async function storeCount(db: Db, target: CountTarget, counted: StoredCount): Promise<boolean> {
	const done = await db
		.update(segments)
		.set({ cachedCount: counted.count, countedAt: counted.at })
		.where(and(eq(segments.id, target.id), eq(segments.updatedAt, target.updatedAt)))
		.returning({ id: segments.id });
	return done.length > 0;
}

/** Segments never counted or counted before `staleBefore`, the oldest first (never counted before all). */
export function staleSegments(
	db: Db,
	options: { staleBefore: Date; limit: number; workspaceId?: string },
): Promise<CountTarget[]> {
	const stale = or(isNull(segments.countedAt), lt(segments.countedAt, options.staleBefore));
	return db
		.select({
			id: segments.id,
			workspaceId: segments.workspaceId,
			definition: segments.definition,
			updatedAt: segments.updatedAt,
		})
		.from(segments)
		.where(options.workspaceId ? and(eq(segments.workspaceId, options.workspaceId), stale) : stale)
		.orderBy(asc(segments.countedAt))
		.limit(options.limit);
}
