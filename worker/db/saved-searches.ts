import { and, desc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { savedSearches } from "./schema-ops";

export function savedSearchesOf(db: Db, workspaceId: string, userId: string, limit: number) {
	return db
		.select()
		.from(savedSearches)
		.where(and(eq(savedSearches.workspaceId, workspaceId), eq(savedSearches.userId, userId)))
		.orderBy(desc(savedSearches.id))
		.limit(limit);
}

export async function insertSavedSearch(db: Db, row: typeof savedSearches.$inferInsert) {
	const [saved] = await db.insert(savedSearches).values(row).returning();
	if (!saved) throw new Error("saved search not stored");
	return saved;
}

export async function deleteSavedSearch(db: Db, workspaceId: string, userId: string, id: string): Promise<boolean> {
	const gone = await db
		.delete(savedSearches)
		.where(and(eq(savedSearches.id, id), eq(savedSearches.workspaceId, workspaceId), eq(savedSearches.userId, userId)))
		.returning({ id: savedSearches.id });
	return gone.length > 0;
}
