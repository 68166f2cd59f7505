import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { workspaces } from "./schema";

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type WorkspaceChanges = Partial<Omit<typeof workspaces.$inferInsert, "id" | "createdAt">>;

export async function findWorkspace(db: Db, id: string): Promise<WorkspaceRow | null> {
	return (await db.query.workspaces.findFirst({ where: eq(workspaces.id, id) })) ?? null;
}

export function insertWorkspaceStatement(db: Db, row: typeof workspaces.$inferInsert) {
	return db.insert(workspaces).values(row);
}

export function updateWorkspaceStatement(db: Db, id: string, changes: WorkspaceChanges) {
	return db.update(workspaces).set(changes).where(eq(workspaces.id, id));
}
