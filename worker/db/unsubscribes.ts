import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { recordStatusChange } from "./contacts";
import { workspaces } from "./schema";
import { contacts, messages, suppressions } from "./schema-contacts";
import { insertOutboxIfContactStatements, type NewOutboxEvent } from "./webhook-outbox";

export type UnsubscribeTarget = { messageId: string; contactId: string; workspaceId: string };

/** The workspace's name, the contact (if still there) and the campaign of the message, if it was sent to them. */
export async function unsubscribeContext(db: Db, target: UnsubscribeTarget) {
	const [workspace, contact, message] = await db.batch([
		db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, target.workspaceId)),
		db
			.select({ email: contacts.email, status: contacts.status })
			.from(contacts)
			.where(and(eq(contacts.id, target.contactId), eq(contacts.workspaceId, target.workspaceId))),
		db
			.select({ campaignId: messages.campaignId })
			.from(messages)
			.where(
				and(
					eq(messages.id, target.messageId),
					eq(messages.workspaceId, target.workspaceId),
					eq(messages.contactId, target.contactId),
				),
			),
	]);
	return { workspace: workspace[0], contact: contact[0], message: message[0] };
}

/**
 * Suppresses the address (an earlier reason, say a bounce, stays) and, if still subscribed, marks the
 * contact unsubscribed with a history entry and keeps the webhook events telling of it (`contactEvents`) in the
 * outbox: one batch, idempotent.
 */
export async function recordUnsubscribe(
	db: Db,
	target: UnsubscribeTarget,
	change: { email: string; wasSubscribed: boolean; source: string; historyId: string; at: number },
	contactEvents: NewOutboxEvent[] = [],
) {
	const at = new Date(change.at);
	const suppress = db
		.insert(suppressions)
		.values({ workspaceId: target.workspaceId, email: change.email, reason: "unsubscribed", createdAt: at })
		.onConflictDoNothing();
	if (!change.wasSubscribed) {
		await suppress;
		return;
	}
	const subscribed = and(eq(contacts.id, target.contactId), eq(contacts.status, "subscribed"));
	await db.batch([
		suppress,
		...insertOutboxIfContactStatements(db, contactEvents, subscribed),
		db.update(contacts).set({ status: "unsubscribed", updatedAt: at }).where(subscribed),
		recordStatusChange(db, {
			id: change.historyId,
			workspaceId: target.workspaceId,
			contactId: target.contactId,
			from: "subscribed",
			to: "unsubscribed",
			source: change.source,
		}),
	]);
}
