import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "./client";
import { webhookEvents } from "./schema-campaigns";
import { contactStatusHistory, contacts, messages } from "./schema-contacts";
import { suppress } from "./suppressions";

export type ProviderStatus = "sent" | "delivered" | "bounced" | "complained";
export type WebhookMessage = Pick<
	typeof messages.$inferSelect,
	"id" | "workspaceId" | "campaignId" | "contactId" | "email" | "status"
>;

/** Statuses only move forward: a late "delivered" never overwrites "bounced" or "complained". */
const RANK: Record<ProviderStatus, number> = { sent: 1, delivered: 2, bounced: 3, complained: 3 };
const rankOf = sql`CASE ${messages.status} WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'bounced' THEN 3 WHEN 'complained' THEN 3 ELSE 9 END`;

/** True the first time a `svix-id` is seen; a replay answers false. */
export async function firstSightOfWebhook(db: Db, svixId: string, type: string): Promise<boolean> {
	const rows = await db
		.insert(webhookEvents)
		.values({ id: svixId, type })
		.onConflictDoNothing()
		.returning({ id: webhookEvents.id });
	return rows.length > 0;
}

export async function messageByProviderId(db: Db, providerId: string): Promise<WebhookMessage | undefined> {
	const [row] = await db
		.select({
			id: messages.id,
			workspaceId: messages.workspaceId,
			campaignId: messages.campaignId,
			contactId: messages.contactId,
			email: messages.email,
			status: messages.status,
		})
		.from(messages)
		.where(eq(messages.providerId, providerId));
	return row;
}

export async function noteDelayed(db: Db, messageId: string, at: number) {
	await db
		.update(messages)
		.set({ lastError: `delivery delayed at ${new Date(at).toISOString()}` })
		.where(eq(messages.id, messageId));
}

/**
 * Moves the message forward to `target` (never back) and, for a hard bounce or a complaint, suppresses
 * the address and marks the contact, in one batch. Answers whether the message's status changed.
 */
export async function applyProviderOutcome(
	db: Db,
	message: WebhookMessage,
	outcome: { target: ProviderStatus; at: number; error: string | null; suppress: "bounced" | "complained" | null },
	newHistoryId: string,
): Promise<boolean> {
	const at = new Date(outcome.at);
	const move = db
		.update(messages)
		.set({
			status: outcome.target,
			deliveredAt: outcome.target === "delivered" ? sql`coalesce(${messages.deliveredAt}, ${outcome.at})` : undefined,
			lastError: outcome.error,
		})
		.where(and(eq(messages.id, message.id), sql`${rankOf} < ${RANK[outcome.target]}`))
		.returning({ id: messages.id });
	const reason = outcome.suppress;
	if (!reason) return (await move).length > 0;
	const [moved] = await db.batch([
		move,
		suppress(db, message.workspaceId, message.email, reason),
		db.insert(contactStatusHistory).select(
			db
				.select({
					id: sql`${newHistoryId}`.as("id"),
					workspaceId: contacts.workspaceId,
					contactId: contacts.id,
					fromStatus: contacts.status,
					toStatus: sql`${reason}`.as("to_status"),
					source: sql`'resend webhook'`.as("source"),
					createdAt: sql`${outcome.at}`.as("created_at"),
				})
				.from(contacts)
				.where(and(eq(contacts.id, message.contactId), ne(contacts.status, reason))),
		),
		db.update(contacts).set({ status: reason, updatedAt: at }).where(eq(contacts.id, message.contactId)),
	]);
	return moved.length > 0;
}
