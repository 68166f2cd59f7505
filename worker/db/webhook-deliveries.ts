import { and, desc, eq, isNotNull, lt, ne, notExists, type SQL, sql } from "drizzle-orm";
import type { WebhookAttempt } from "../contracts/webhook-endpoints";
import { type DeliveryContact, ERASED_DELIVERY_BODY, erasedAttempt } from "../domain/webhooks/delivery-contact";
import type { Db } from "./client";
import { contacts, messages } from "./schema-contacts";
import { webhookDeliveries } from "./schema-webhooks";

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** At most this many attempts are kept per delivery (the newest). */
const KEPT_ATTEMPTS = 50;

/** The contact id to record: given, or the contact of the message the event tells of. */
function contactIdOf(workspaceId: string, contact: DeliveryContact): string | SQL | null {
	if (!contact) return null;
	if ("contactId" in contact) return contact.contactId;
	return sql`(${ofMessage(workspaceId, contact.messageId)})`;
}
const ofMessage = (workspaceId: string, messageId: string) =>
	sql`select ${messages.contactId} from ${messages} where ${messages.id} = ${messageId} and ${messages.workspaceId} = ${workspaceId}`;

/**
 * Records a delivery at its first attempt (a redelivered queue message changes nothing), then reads it. A delivery
 * about a contact that is no longer there (erased while its message waited in the queue) is cancelled as it is
 * recorded: it reads back failed, with its body redacted.
 */
export async function recordAndLoadDelivery(
	db: Db,
	row: { id: string; workspaceId: string; endpointId: string; eventType: string; body: string },
	contact: DeliveryContact,
	now: Date,
): Promise<WebhookDeliveryRow | undefined> {
	const contactId = contactIdOf(row.workspaceId, contact);
	const [, , found] = await db.batch([
		db
			.insert(webhookDeliveries)
			.values({ ...row, contactId })
			.onConflictDoNothing(),
		eraseDeliveriesStatement(
			db,
			and(
				eq(webhookDeliveries.id, row.id),
				isNotNull(webhookDeliveries.contactId),
				notExists(db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, webhookDeliveries.contactId))),
			),
			now,
		),
		db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row.id)).limit(1),
	]);
	return found[0];
}

/**
 * Takes an erased contact out of the deliveries `where` selects (not yet redacted): each body becomes
 * `ERASED_DELIVERY_BODY`; one not yet delivered is never sent: it is marked failed, its log saying why. Id, event
 * type and past attempts are kept, so the log still reads right.
 */
export function eraseDeliveriesStatement(db: Db, where: SQL | undefined, now: Date) {
	const pending = sql`${webhookDeliveries.status} = 'pending'`;
	const note = JSON.stringify(erasedAttempt(now));
	return db
		.update(webhookDeliveries)
		.set({
			body: ERASED_DELIVERY_BODY,
			status: sql`case when ${pending} then 'failed' else ${webhookDeliveries.status} end`,
			attempts: sql`case when ${pending} then json_insert(${webhookDeliveries.attempts}, '$[#]', json(${note})) else ${webhookDeliveries.attempts} end`,
			updatedAt: now,
		})
		.where(and(where, ne(webhookDeliveries.body, ERASED_DELIVERY_BODY)));
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
