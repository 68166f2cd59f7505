import type { Contact } from "../contracts/contacts";
import { createDb, type Db } from "../db/client";
import { insertOutboxStatements } from "../db/webhook-outbox";
import { findPresentedContact } from "./contacts-present";
import { contactEventData, unsubscribedData } from "./webhook-emitters";
import type { EmitEnv, Subscribers, WebhookEvent } from "./webhook-enqueue";
import { type KeptEvent, keptEvents, sendKept } from "./webhook-outbox";

type Change = { created: boolean; unsubscribed: boolean; source: string; details?: Record<string, unknown> };

/**
 * A contact write's webhook events (`contact.created`/`contact.updated`, `contact.unsubscribed`), kept in the
 * outbox by the write's own D1 batch: the write and its events commit together. The contact as written is known
 * only after the batch, so its row holds a reference until `send` enqueues the events with it; a row left behind
 * (the worker died after the batch) is sent by the cron with the contact as it then is.
 */
export function contactWriteEvents(
	workspaceId: string,
	endpoints: Subscribers,
	contact: { id: string; email: string },
	change: Change,
	now: Date,
) {
	const ref = { id: contact.id, source: change.source, details: change.details };
	const events: KeptEvent[] = [
		{ type: change.created ? "contact.created" : "contact.updated", data: null, contact: ref },
	];
	if (change.unsubscribed) events.push({ type: "contact.unsubscribed", data: unsubscribedData(contact, change) });
	const kept = keptEvents(workspaceId, endpoints, events, now);
	return {
		/** The outbox rows, for a batch that keeps them only if its change happens (none when no endpoint subscribes). */
		rows: kept.rows,
		/** Statements for the write's batch (none when no endpoint subscribes). */
		statements: (db: Db) => insertOutboxStatements(db, kept.rows),
		/** After the batch: enqueues the events with the contact as written. Never throws. */
		send(env: EmitEnv, written: Contact) {
			const sent = kept.events.map(
				({ contact: pending, ...event }): WebhookEvent =>
					pending ? { ...event, data: contactEventData(written, change) } : event,
			);
			return sendKept(env, workspaceId, endpoints, kept, sent);
		},
	};
}

/**
 * For a write made elsewhere (its batch took `events.statements`): reads the contact back and sends its events.
 * Never throws: what is not sent stays in the outbox for the cron.
 */
export async function sendAfterWrite(
	env: EmitEnv,
	workspaceId: string,
	contactId: string,
	events: ReturnType<typeof contactWriteEvents>,
) {
	if (events.rows.length === 0) return; // no endpoint listens
	try {
		const contact = await findPresentedContact(createDb(env.DB), workspaceId, contactId);
		if (contact) await events.send(env, contact);
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, contactId, error: `contact webhook kept: ${String(error)}` }));
	}
}
