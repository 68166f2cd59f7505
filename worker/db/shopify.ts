import { and, desc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { shopifyConnections } from "./schema-integrations";

export type ShopifyConnectionRow = typeof shopifyConnections.$inferSelect;

export function connectionsOfWorkspace(db: Db, workspaceId: string) {
	return db
		.select()
		.from(shopifyConnections)
		.where(eq(shopifyConnections.workspaceId, workspaceId))
		.orderBy(desc(shopifyConnections.id))
		.limit(50);
}

/** By id alone: the webhook route knows nothing else until the signature is checked. */
export async function findConnectionById(db: Db, id: string): Promise<ShopifyConnectionRow | undefined> {
	return db.select().from(shopifyConnections).where(eq(shopifyConnections.id, id)).get();
}

export async function findConnection(db: Db, workspaceId: string, id: string) {
	return db
		.select({ id: shopifyConnections.id })
		.from(shopifyConnections)
		.where(and(eq(shopifyConnections.workspaceId, workspaceId), eq(shopifyConnections.id, id)))
		.get();
}

export const insertConnectionStatement = (db: Db, row: ShopifyConnectionRow) =>
	db.insert(shopifyConnections).values(row);

export const deleteConnectionStatement = (db: Db, workspaceId: string, id: string) =>
	db
		.delete(shopifyConnections)
		.where(and(eq(shopifyConnections.workspaceId, workspaceId), eq(shopifyConnections.id, id)));
