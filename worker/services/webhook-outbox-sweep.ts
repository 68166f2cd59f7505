import { createDb, type Db } from "../db/client";
import { tagsOfContacts } from "../db/contacts";
import {
	contactsOfIds,
	dueOutboxEvents,
	forgetOutboxEvents,
	type OutboxEventRow,
	postponeOutboxEvents,
} from "../db/webhook-outbox";
import { presentContact } from "./contacts-present";
import { contactEventData } from "./webhook-emitters";
import { type EmitEnv, enqueueWebhookEvents, eventFromJson, type WebhookEvent } from "./webhook-enqueue";
import { type KeptEvent, OUTBOX_GRACE_MS } from "./webhook-outbox";

/**
 * One page of due rows (the oldest first), and the pages one cron run takes at most: 10,000 rows a run, so a deleted
 * topic's 100,000 opt-outs are told within an hour of five-minute runs; the rest wait for the next run.
 */
const SWEEP = { pageRows: 500, pages: 20 };
/** A refused re-send waits twice as long as the one before, at most an hour. */
const MAX_WAIT_MS = 3_600_000;

/**
 * The cron's part of the webhook outbox (./webhook-outbox.ts): events left unsent past their grace minute (the
 * queue refused them, or the worker died before enqueueing) are enqueued again, per workspace, with the same key,
 * so each is one delivery at every endpoint however often it is sent; sent rows are deleted. A workspace whose
 * re-send the queue refuses again is postponed, backing off; an event of a contact erased meanwhile is dropped.
 */
export async function sweepWebhookOutbox(env: EmitEnv, now: number, budget = SWEEP) {
	let due = 0;
	let sent = 0;
	for (let page = 0; page < budget.pages; page++) {
		const run = await sweepPage(env, now, budget.pageRows);
		due += run.due;
		sent += run.sent;
		// Sent rows are deleted and refused ones postponed, so the next page holds only rows not yet tried.
		if (run.due < budget.pageRows) break;
	}
	return { due, sent };
}

async function sweepPage(env: EmitEnv, now: number, limit: number) {
	const db = createDb(env.DB);
	const due = await dueOutboxEvents(db, new Date(now), limit);
	const byWorkspace = new Map<string, OutboxEventRow[]>();
	for (const row of due) byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row]);
	let sent = 0;
	for (const [workspaceId, rows] of byWorkspace) {
		const ids = rows.map((r) => r.id);
		try {
			await enqueueWebhookEvents(env, workspaceId, await withData(db, workspaceId, rows));
			await forgetOutboxEvents(db, ids);
			sent += rows.length;
		} catch (error) {
			const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
			const wait = Math.min(OUTBOX_GRACE_MS * 2 ** attempts, MAX_WAIT_MS);
			console.error(JSON.stringify({ workspaceId, error: `webhook outbox not sent: ${String(error)}` }));
			await postponeOutboxEvents(db, ids, new Date(now + wait)).catch(() => undefined); // due again next run
		}
	}
	return { due: due.length, sent };
}

/**
 * The events the rows hold, with their data: contacts kept before their write was read back (or for a change that
 * touched many, a deleted topic) are read now, in one query. A contact erased meanwhile has nothing left to tell.
 */
async function withData(db: Db, workspaceId: string, rows: OutboxEventRow[]): Promise<WebhookEvent[]> {
	const stored = rows.flatMap((row): KeptEvent[] => {
		try {
			return [eventFromJson(row.event)];
		} catch {
			console.error(JSON.stringify({ workspaceId, outbox: row.id, error: "unreadable webhook event dropped" }));
			return [];
		}
	});
	const refs = [...new Set(stored.flatMap((e) => (e.contact && e.data === null ? [e.contact.id] : [])))];
	const found = refs.length > 0 ? await contactsOfIds(db, workspaceId, refs) : [];
	const tags = await tagsOfContacts(
		db,
		found.map((c) => c.id),
	);
	const contacts = new Map(found.map((row) => [row.id, presentContact(row, tags.get(row.id) ?? [])]));
	return stored.flatMap(({ contact: ref, ...event }): WebhookEvent[] => {
		if (!ref || event.data !== null) return [event];
		const contact = contacts.get(ref.id);
		return contact ? [{ ...event, data: contactEventData(contact, ref) }] : [];
	});
}
