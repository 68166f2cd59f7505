import { createDb } from "../db/client";
import { forgetOutboxEvents, keepOutboxEvents, type NewOutboxEvent, rewriteOutboxEvents } from "../db/webhook-outbox";
import { newId } from "../domain/ids";
import {
	type EmitEnv,
	enqueueToSubscribers,
	eventToJson,
	type Subscribers,
	subscribedBy,
	type WebhookEvent,
} from "./webhook-enqueue";

/*
 * The D1 outbox of outbound webhook events (table webhook_outbox): an event some endpoint subscribes to is written
 * there before it is enqueued and deleted once the queue took it, so a refused enqueue or a worker that dies in
 * between loses nothing: the cron sends what is left (./webhook-outbox-sweep.ts). Each row's id is its event's
 * key, so a re-send is the same delivery (`webhook-id`) at every endpoint, never a second one.
 */

/** How long a kept event is left to its writer before the cron sends it. */
export const OUTBOX_GRACE_MS = 60_000;

/**
 * A contact event kept before the write it tells of, whose data (the contact as written) is only known after it:
 * sent, the cron reads the contact then (see the sweep).
 */
export type ContactRef = { id: string; source: string; details?: Record<string, unknown> };
export type KeptEvent = WebhookEvent & { contact?: ContactRef };

/** Events kept, each with its outbox row (the row id is the event's key). */
export type Kept = { rows: NewOutboxEvent[]; events: KeptEvent[] };

/** Outbox rows for the events some endpoint subscribes to (none for the others), each keyed by its row id. */
export function keptEvents(workspaceId: string, endpoints: Subscribers, events: KeptEvent[], now = new Date()): Kept {
	const subscribed = subscribedBy(endpoints, events) as KeptEvent[];
	const keyed = subscribed.map((event) => {
		const id = newId("wbo", now.getTime());
		return { ...event, at: event.at ?? now, key: event.key ?? id, id };
	});
	return {
		events: keyed.map(({ id: _, ...event }) => event),
		rows: keyed.map(({ id, ...event }) => ({
			id,
			workspaceId,
			event: eventToJson(event),
			nextTryAt: new Date(now.getTime() + OUTBOX_GRACE_MS),
			createdAt: now,
		})),
	};
}

/**
 * Enqueues events already kept in the outbox, then deletes their rows. When the queue refuses, the rows stay for
 * the cron; `sent` (the events with their data, for rows kept before it was known) replaces what they hold.
 * Never throws.
 */
export async function sendKept(
	env: EmitEnv,
	workspaceId: string,
	endpoints: Subscribers,
	kept: Kept,
	sent: WebhookEvent[] = kept.events,
): Promise<void> {
	if (kept.rows.length === 0) return;
	const db = createDb(env.DB);
	try {
		await enqueueToSubscribers(env, workspaceId, endpoints, sent);
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `webhook events kept for the cron: ${String(error)}` }));
		if (sent !== kept.events)
			await rewriteOutboxEvents(
				db,
				kept.rows.flatMap((row, i) => {
					const event = sent[i];
					return event ? [{ id: row.id, event: eventToJson(event) }] : [];
				}),
			).catch(() => undefined); // the rows keep their reference: the cron reads the contact
		return;
	}
	await forgetOutboxEvents(
		db,
		kept.rows.map((r) => r.id),
	).catch((error) => console.error(JSON.stringify({ workspaceId, error: `outbox not cleared: ${String(error)}` })));
}

/**
 * Keeps the events some endpoint subscribes to, then enqueues them (see `sendKept`). When the outbox cannot be
 * written they are still enqueued, without it.
 */
export async function keepAndSend(env: EmitEnv, workspaceId: string, endpoints: Subscribers, events: WebhookEvent[]) {
	const kept = keptEvents(workspaceId, endpoints, events);
	if (kept.rows.length === 0) return;
	try {
		await keepOutboxEvents(createDb(env.DB), kept.rows);
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `webhook outbox not written: ${String(error)}` }));
		return enqueueToSubscribers(env, workspaceId, endpoints, kept.events);
	}
	await sendKept(env, workspaceId, endpoints, kept);
}
