import { createDb, type Db } from "../db/client";
import { findContactRow, tagsOfContacts } from "../db/contacts";
import { dueOutboxEvents, forgetOutboxEvents, type OutboxEventRow, postponeOutboxEvents } from "../db/webhook-outbox";
import { presentContact } from "./contacts-present";
import { contactEventData } from "./webhook-emitters";
import { type EmitEnv, enqueueWebhookEvents, eventFromJson, type WebhookEvent } from "./webhook-enqueue";
import { type KeptEvent, OUTBOX_GRACE_MS } from "./webhook-outbox";

/** Rows one cron run sends at most (the oldest due first); the rest wait for the next run. */
const SWEEP_ROWS = 500;
/** A refused re-send waits twice as long as the one before, at most an hour. */
const MAX_WAIT_MS = 3_600_000;

/**
 * The cron's part of the webhook outbox (./webhook-outbox.ts): events left unsent past their grace minute (the
 * queue refused them, or the worker died before enqueueing) are enqueued again, per workspace, with the same key,
 * so each is one delivery at every endpoint however often it is sent; sent rows are deleted. A workspace whose
 * re-send the queue refuses again is postponed, backing off; an event of a contact erased meanwhile is dropped.
 */
export async function sweepWebhookOutbox(env: EmitEnv, now: number, limit = SWEEP_ROWS) {
	const db = createDb(env.DB);
	const due = await dueOutboxEvents(db, new Date(now), limit);
	const byWorkspace = new Map<string, OutboxEventRow[]>();
	for (const row of due) byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row]);
	let sent = 0;
	for (const [workspaceId, rows] of byWorkspace) {
		const ids = rows.map((r) => r.id);
		try {
			const events = await Promise.all(rows.map((row) => withData(db, workspaceId, row)));
			await enqueueWebhookEvents(
				env,
				workspaceId,
				events.filter((e): e is WebhookEvent => e !== null),
			);
			await forgetOutboxEvents(db, ids);
			sent += rows.length;
		} catch (error) {
			const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
			const wait = Math.min(OUTBOX_GRACE_MS * 2 ** attempts, MAX_WAIT_MS);
			console.error(JSON.stringify({ workspaceId, error: `webhook outbox not sent: ${String(error)}` }));
			await postponeOutboxEvents(db, ids, new Date(now + wait));
		}
	}
	return { due: due.length, sent };
}

/** The event a row holds, with its data (a contact kept before its write was read back is read now). */
async function withData(db: Db, workspaceId: string, row: OutboxEventRow): Promise<WebhookEvent | null> {
	let stored: KeptEvent;
	try {
		stored = eventFromJson(row.event);
	} catch {
		console.error(JSON.stringify({ workspaceId, outbox: row.id, error: "unreadable webhook event dropped" }));
		return null;
	}
	const { contact: ref, ...event } = stored;
	if (!ref || event.data !== null) return event;
	const found = await findContactRow(db, workspaceId, ref.id);
	if (!found) return null; // erased meanwhile: nothing left to tell
	const contact = presentContact(found, (await tagsOfContacts(db, [ref.id])).get(ref.id) ?? []);
	return { ...event, data: contactEventData(contact, ref) };
}
