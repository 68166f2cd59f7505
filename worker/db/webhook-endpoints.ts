import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import { webhookEndpoints } from "./schema-webhooks";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** The workspace's enabled endpoints and their events: the one read an emitted event costs. */
export function enabledEndpoints(db: Db, workspaceId: string) {
	return db
		.select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
		.from(webhookEndpoints)
		.where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true)));
}

export function endpointsOfWorkspace(db: Db, workspaceId: string) {
	return db
		.select()
		.from(webhookEndpoints)
		.where(eq(webhookEndpoints.workspaceId, workspaceId))
		.orderBy(desc(webhookEndpoints.id))
		.limit(100);
}

export async function findEndpoint(db: Db, workspaceId: string, id: string): Promise<WebhookEndpointRow | undefined> {
	const [row] = await db
		.select()
		.from(webhookEndpoints)
		.where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

export function insertEndpointStatement(db: Db, row: typeof webhookEndpoints.$inferInsert) {
	return db.insert(webhookEndpoints).values(row);
}

export function updateEndpointStatement(
	db: Db,
	workspaceId: string,
	id: string,
	change: Partial<Omit<WebhookEndpointRow, "id" | "workspaceId" | "createdAt">>,
) {
	return db
		.update(webhookEndpoints)
		.set({ ...change, updatedAt: new Date() })
		.where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)));
}

export function deleteEndpointStatement(db: Db, workspaceId: string, id: string) {
	return db
		.delete(webhookEndpoints)
		.where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)));
}

/** Counts the endpoint failing from `at` unless it already was; answers since when it has been failing. */
export async function markFailing(db: Db, id: string, at: Date): Promise<Date | null> {
	const [row] = await db
		.update(webhookEndpoints)
		.set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.getTime()})` })
		.where(eq(webhookEndpoints.id, id))
		.returning({ failingSince: webhookEndpoints.failingSince });
	return row?.failingSince ?? null;
}

/** A success ends a failing streak. */
export function markHealthyStatement(db: Db, id: string) {
	return db
		.update(webhookEndpoints)
		.set({ failingSince: null })
		.where(and(eq(webhookEndpoints.id, id), isNotNull(webhookEndpoints.failingSince)));
}
