import type { WebhookEventType } from "../contracts/webhook-endpoints";
import type { WebhookDeliveryMessage } from "../contracts/webhook-queue";
import { createDb } from "../db/client";
import { enabledEndpoints } from "../db/webhook-endpoints";
import { newId } from "../domain/ids";
import { keyedDeliveryId } from "../domain/webhooks/delivery-id";

export type WebhookEvent = {
	type: WebhookEventType;
	data: unknown;
	at?: Date;
	/**
	 * The event's own identity, for an event its emitter may send again (a retried finish, an outbox row): with the
	 * same key and `at` it becomes the same delivery at each endpoint, so a repeat is never a second delivery.
	 */
	key?: string;
};

export type EmitEnv = Pick<Env, "DB" | "WEBHOOKS">;
/** A workspace's enabled endpoints and the event types each subscribes to. */
export type Subscribers = { id: string; events: string[] }[];

/** Cloudflare Queues: 100 messages and 256 KB per `sendBatch`, 128 KB per message. */
const BATCH_MESSAGES = 100;
const BATCH_BYTES = 240_000;
const MESSAGE_BYTES = 120_000;

/** The workspace's enabled endpoints (one indexed D1 read). */
export const subscribersOf = (env: EmitEnv, workspaceId: string): Promise<Subscribers> =>
	enabledEndpoints(createDb(env.DB), workspaceId);

/**
 * Enqueues events for a caller that keeps what it owes until it is sent (an outbox, a retried alarm): throws when
 * the events could not be enqueued, so the caller tries again; give such events a `key`.
 */
export async function enqueueWebhookEvents(env: EmitEnv, workspaceId: string, events: WebhookEvent[]): Promise<void> {
	if (events.length === 0) return;
	await enqueueToSubscribers(env, workspaceId, await subscribersOf(env, workspaceId), events);
}

/** One WEBHOOKS message per (event, subscribed endpoint), enqueued in batches; throws when the queue refuses. */
export async function enqueueToSubscribers(
	env: EmitEnv,
	workspaceId: string,
	endpoints: Subscribers,
	events: WebhookEvent[],
): Promise<void> {
	const messages: { body: WebhookDeliveryMessage; bytes: number }[] = [];
	for (const event of events) {
		const subscribers = endpoints.filter((endpoint) => endpoint.events.includes(event.type));
		if (subscribers.length === 0) continue;
		const at = event.at ?? new Date();
		const body = JSON.stringify({ type: event.type, timestamp: at.toISOString(), data: event.data });
		if (body.length > MESSAGE_BYTES) {
			console.error(JSON.stringify({ workspaceId, type: event.type, error: "webhook event too large to send" }));
			continue;
		}
		for (const endpoint of subscribers) {
			const message: WebhookDeliveryMessage = {
				type: "webhook_delivery",
				delivery_id: event.key ? await keyedDeliveryId(event.key, endpoint.id, at) : newId("msg"),
				endpoint_id: endpoint.id,
				workspace_id: workspaceId,
				event_type: event.type,
				body,
			};
			messages.push({ body: message, bytes: body.length + 200 });
		}
	}
	await enqueue(env, messages);
}

/** The events some of these endpoints subscribe to. */
export function subscribedBy(endpoints: Subscribers, events: WebhookEvent[]): WebhookEvent[] {
	const types = new Set(endpoints.flatMap((e) => e.events));
	return events.filter((e) => types.has(e.type));
}

/** An event as an outbox stores it (JSON), and back. */
export const eventToJson = (event: WebhookEvent) =>
	JSON.stringify({ ...event, at: (event.at ?? new Date()).getTime() });
export function eventFromJson(text: string): WebhookEvent {
	const stored = JSON.parse(text) as Omit<WebhookEvent, "at"> & { at: number };
	return { ...stored, at: new Date(stored.at) };
}

async function enqueue(env: EmitEnv, messages: { body: WebhookDeliveryMessage; bytes: number }[]) {
	let batch: { body: WebhookDeliveryMessage }[] = [];
	let bytes = 0;
	for (const message of messages) {
		if (batch.length === BATCH_MESSAGES || bytes + message.bytes > BATCH_BYTES) {
			await env.WEBHOOKS.sendBatch(batch);
			batch = [];
			bytes = 0;
		}
		batch.push({ body: message.body });
		bytes += message.bytes;
	}
	if (batch.length > 0) await env.WEBHOOKS.sendBatch(batch);
}
