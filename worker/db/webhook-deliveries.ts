import { and, desc, eq, lt } from "drizzle-orm";
import type { WebhookAttempt } from "../contracts/webhook-endpoints";
import type { Db } from "./client";
import { webhookDeliveries } from "./schema-webhooks";

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** At most this many attempts are kept per delivery (the newest). */
const KEPT_ATTEMPTS = 50;

/** Records a delivery at its first attempt (a redelivered queue message changes nothing), then reads it. */
export async function recordAndLoadDelivery(
	db: Db,
	row: { id: string; workspaceId: string; endpointId: string; eventType: string; body: string },
): Promise<WebhookDeliveryRow | undefined> {
	const [, found] = await db.batch([
		db.insert(webhookDeliveries).values(row).onConflictDoNothing(),
		db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row.id)).limit(1),
	]);
	return found[0];
}

export async function findDelivery(
	db: Db,
	workspaceId: string,
	endpointId: string,
	id: string,
): Promise<WebhookDeliveryRow | undefined> {
	const [row] = await db
		.select()
		.from(webhookDeliveries)
		.where(
			and(
				eq(webhookDeliveries.id, id),
				eq(webhookDeliveries.endpointId, endpointId),
				eq(webhookDeliveries.workspaceId, workspaceId),
			),
		)
		.limit(1);
	return row;
}

/** A page of an endpoint's deliveries, newest first, below `before` (`"~"`: from the newest). */
export function deliveriesOfEndpoint(db: Db, workspaceId: string, endpointId: string, before: string, limit: number) {
	return db
		.select()
		.from(webhookDeliveries)
		.where(
			and(
				eq(webhookDeliveries.endpointId, endpointId),
				eq(webhookDeliveries.workspaceId, workspaceId),
				lt(webhookDeliveries.id, before),
			),
		)
		.orderBy(desc(webhookDeliveries.id))
		.limit(limit);
}

/** Appends one attempt to those already recorded and sets the delivery's status and count in its schedule. */
export function recordAttemptStatement(
	db: Db,
	row: Pick<WebhookDeliveryRow, "id" | "attempts">,
	attempt: WebhookAttempt,
	status: WebhookDeliveryRow["status"],
	roundAttempts: number,
) {
	const attempts = [...row.attempts, attempt].slice(-KEPT_ATTEMPTS);
	return db
		.update(webhookDeliveries)
		.set({ attempts, status, roundAttempts, updatedAt: new Date() })
		.where(eq(webhookDeliveries.id, row.id));
}

/** A replay: the delivery is pending again with a fresh schedule of attempts. */
export function restartDeliveryStatement(db: Db, id: string) {
	return db
		.update(webhookDeliveries)
		.set({ status: "pending", roundAttempts: 0, updatedAt: new Date() })
		.where(eq(webhookDeliveries.id, id));
}

/** Marks a delivery failed without an attempt (its endpoint is gone or off, or its retries ran out in the queue). */
export function failDeliveryStatement(db: Db, id: string) {
	return db
		.update(webhookDeliveries)
		.set({ status: "failed", updatedAt: new Date() })
		.where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "pending")));
}
