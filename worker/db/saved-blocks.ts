import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "./client";
import { savedBlocks } from "./schema-blocks";

export type SavedBlockRow = typeof savedBlocks.$inferSelect;
export type NewSavedBlock = typeof savedBlocks.$inferInsert;

/** Newest first, ids below `beforeId`. */
export function savedBlockPage(db: Db, workspaceId: string, beforeId: string, limit: number): Promise<SavedBlockRow[]> {
	return db
		.select()
		.from(savedBlocks)
		.where(and(eq(savedBlocks.workspaceId, workspaceId), lt(savedBlocks.id, beforeId)))
		.orderBy(desc(savedBlocks.id))
		.limit(limit);
}

export async function findSavedBlockRow(db: Db, workspaceId: string, id: string): Promise<SavedBlockRow | undefined> {
	const [row] = await db
		.select()
		.from(savedBlocks)
		.where(and(eq(savedBlocks.id, id), eq(savedBlocks.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

export async function insertSavedBlock(db: Db, row: NewSavedBlock): Promise<void> {
	await db.insert(savedBlocks).values(row);
}

export async function deleteSavedBlockRow(db: Db, workspaceId: string, id: string): Promise<void> {
	await db.delete(savedBlocks).where(and(eq(savedBlocks.id, id), eq(savedBlocks.workspaceId, workspaceId)));
}
