import { and, desc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { webhookEvents } from "./schema-campaigns";
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

/** A store's delivery (`X-Shopify-Webhook-Id`) as kept in `webhook_events`, beside Resend's `svix-id`s. */
const deliveryKey = (connectionId: string, webhookId: string) => `shopify:${connectionId}:${webhookId}`;

/** Whether this delivery of the store was already applied. */
export async function deliverySeen(db: Db, connectionId: string, webhookId: string): Promise<boolean> {
	const key = deliveryKey(connectionId, webhookId);
	const row = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, key)).get();
	return row !== undefined;
}

/** Keeps an applied delivery, so Shopify's retry of it changes nothing (a second keep is a no-op). */
export function recordDelivery(db: Db, connectionId: string, webhookId: string, topic: string) {
	return db
		.insert(webhookEvents)
		.values({ id: deliveryKey(connectionId, webhookId), type: `shopify ${topic}`.slice(0, 100) })
		.onConflictDoNothing();
}
