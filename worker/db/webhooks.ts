import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { ProviderStatus, SuppressReason } from "../domain/webhooks/resend-event";
import type { Db } from "./client";
import { webhookEvents } from "./schema-campaigns";
import { contactStatusHistory, contacts, messages } from "./schema-contacts";
import { suppress } from "./suppressions";
import { insertOutboxIfContactStatements, type NewOutboxEvent } from "./webhook-outbox";

export type WebhookMessage = Pick<
	typeof messages.$inferSelect,
	"id" | "workspaceId" | "campaignId" | "contactId" | "email" | "status" | "providerId"
>;

/** Statuses only move forward: a late "delivered" never overwrites a bounce, a complaint, a failure or a suppression. */
const RANK: Record<ProviderStatus, number> = {
	sent: 1,
	delivered: 2,
	bounced: 3,
	complained: 3,
	failed: 3,
	suppressed: 3,
};
const rankOf = sql`CASE ${messages.status} WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'bounced' THEN 3 WHEN 'complained' THEN 3 WHEN 'failed' THEN 3 WHEN 'suppressed' THEN 3 ELSE 9 END`;

const webhookMessage = {
	id: messages.id,
	workspaceId: messages.workspaceId,
	campaignId: messages.campaignId,
	contactId: messages.contactId,
	email: messages.email,
	status: messages.status,
	providerId: messages.providerId,
};

/** Whether this `svix-id` was already applied. */
export async function webhookSeen(db: Db, svixId: string): Promise<boolean> {
	const [row] = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, svixId));
	return row !== undefined;
}

export async function messageByProviderId(db: Db, providerId: string): Promise<WebhookMessage | undefined> {
	const [row] = await db.select(webhookMessage).from(messages).where(eq(messages.providerId, providerId));
	return row;
}

/**
 * The message Pulse tagged with this id, when its provider id is not recorded yet (the provider's answer
 * was lost and the chunk not yet retried).
 */
export async function untrackedMessageById(db: Db, messageId: string): Promise<WebhookMessage | undefined> {
	const [row] = await db
		.select(webhookMessage)
		.from(messages)
		.where(and(eq(messages.id, messageId), isNull(messages.providerId)));
	return row;
}

/** True when a batch failed only because its `svix-id` was recorded meanwhile (a concurrent delivery). */
export const isDuplicateWebhook = (error: unknown) =>
	/UNIQUE constraint failed: webhook_events\.id/.test(String(error instanceof Error ? error.message : error));

const recordWebhook = (db: Db, svixId: string, type: string) => db.insert(webhookEvents).values({ id: svixId, type });

/** A delayed delivery is noted on the message, with its `svix-id`, in one batch. */
export async function noteDelayed(db: Db, svixId: string, type: string, messageId: string, at: number) {
	await db.batch([
		recordWebhook(db, svixId, type),
		db
			.update(messages)
			.set({ lastError: `delivery delayed at ${new Date(at).toISOString()}` })
			.where(eq(messages.id, messageId)),
	]);
}

export type ProviderOutcome = {
	target: ProviderStatus;
	at: number;
	error: string | null;
	suppress: SuppressReason | null;
	/** The provider id to remember when the message was found by its tag. */
	providerId: string | null;
};

/**
 * Applies one webhook in one D1 batch (one transaction): records its `svix-id`, moves the message forward
 * to `target` (never back), and for a suppressing outcome puts the address on the workspace's list and
 * marks the contact. If any statement fails nothing is kept, so the provider's retry applies it once; a
 * `svix-id` already recorded makes the batch fail as a whole (see `isDuplicateWebhook`).
 * Answers whether the message's status changed, and whether the contact's did (it became bounced or complained).
 */
export async function applyProviderOutcome(
	db: Db,
	svixId: string,
	type: string,
	message: WebhookMessage,
	outcome: ProviderOutcome,
	newHistoryId: string,
	contactEvents: NewOutboxEvent[] = [],
): Promise<{ moved: boolean; contactChanged: boolean }> {
	const move = db
		.update(messages)
		.set({
			status: outcome.target,
			deliveredAt: outcome.target === "delivered" ? sql`coalesce(${messages.deliveredAt}, ${outcome.at})` : undefined,
			lastError: outcome.error,
		})
		.where(and(eq(messages.id, message.id), sql`${rankOf} < ${RANK[outcome.target]}`))
		.returning({ id: messages.id });
	const rest: BatchItem<"sqlite">[] = [recordWebhook(db, svixId, type)];
	if (outcome.providerId)
		rest.push(
			db
				.update(messages)
				// The provider accepted it (its answer was lost): it was sent, whatever the chunk records later.
				.set({ providerId: outcome.providerId, sentAt: sql`coalesce(${messages.sentAt}, ${outcome.at})` })
				.where(and(eq(messages.id, message.id), isNull(messages.providerId))),
		);
	const reason = outcome.suppress;
	const marked = reason ? suppressStatements(db, message, reason, outcome.at, newHistoryId, contactEvents) : null;
	if (marked) rest.push(...marked.statements);
	const results = await db.batch([move, ...rest, ...(marked ? [marked.contact] : [])]);
	const contact = marked ? (results.at(-1) as { id: string }[]) : [];
	return { moved: results[0].length > 0, contactChanged: contact.length > 0 };
}

/**
 * Puts the address on the workspace's list and marks the contact, with a line in its status history and the
 * webhook events telling of it kept in the outbox (`contactEvents`, both only when it changes); `contact` (run
 * last) answers the contact's id when its status changed.
 */
function suppressStatements(
	db: Db,
	message: WebhookMessage,
	reason: SuppressReason,
	at: number,
	newHistoryId: string,
	contactEvents: NewOutboxEvent[],
) {
	const changes = and(eq(contacts.id, message.contactId), ne(contacts.status, reason));
	const statements: BatchItem<"sqlite">[] = [
		suppress(db, message.workspaceId, message.email, reason),
		...insertOutboxIfContactStatements(db, contactEvents, changes),
		db.insert(contactStatusHistory).select(
			db
				.select({
					id: sql`${newHistoryId}`.as("id"),
					workspaceId: contacts.workspaceId,
					contactId: contacts.id,
					fromStatus: contacts.status,
					toStatus: sql`${reason}`.as("to_status"),
					source: sql`'resend webhook'`.as("source"),
					createdAt: sql`${at}`.as("created_at"),
				})
				.from(contacts)
				.where(changes),
		),
	];
	const contact = db
		.update(contacts)
		.set({ status: reason, updatedAt: new Date(at) })
		.where(changes)
		.returning({ id: contacts.id });
	return { statements, contact };
}
