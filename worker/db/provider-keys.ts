import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { workspaceProviderKeys } from "./schema-sending";

export type ProviderKeyRow = typeof workspaceProviderKeys.$inferSelect;

export async function findProviderKey(db: Db, workspaceId: string): Promise<ProviderKeyRow | undefined> {
	const [row] = await db
		.select()
		.from(workspaceProviderKeys)
		.where(eq(workspaceProviderKeys.workspaceId, workspaceId))
		.limit(1);
	return row;
}

/** Stores (or replaces) the workspace's key; built as a statement so its audit entry goes in the same batch. */
export function upsertProviderKeyStatement(db: Db, row: typeof workspaceProviderKeys.$inferInsert) {
	return db
		.insert(workspaceProviderKeys)
		.values(row)
		.onConflictDoUpdate({
			target: workspaceProviderKeys.workspaceId,
			set: {
				provider: row.provider,
				sealed: row.sealed,
				keyLast4: row.keyLast4,
				connectedBy: row.connectedBy,
				connectedAt: row.connectedAt,
			},
		});
}

export function deleteProviderKeyStatement(db: Db, workspaceId: string) {
	return db.delete(workspaceProviderKeys).where(eq(workspaceProviderKeys.workspaceId, workspaceId));
}
