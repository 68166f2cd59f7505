import type { WebhookEventType } from "../contracts/webhook-endpoints";
import { type EmitEnv, subscribedBy, subscribersOf, type WebhookEvent } from "./webhook-enqueue";
import { keepAndSend } from "./webhook-outbox";

export {
	enqueueWebhookEvents,
	eventFromJson,
	eventToJson,
	type WebhookEvent,
} from "./webhook-enqueue";

/**
 * Sends workspace events to the webhook endpoints subscribed to them: one indexed D1 read for the workspace's
 * enabled endpoints; the events some endpoint subscribes to are kept in the D1 outbox (./webhook-outbox.ts), then
 * one WEBHOOKS message per (event, endpoint) is enqueued in batches and the rows deleted. What the queue refused,
 * or a worker that died in between left, the cron sends (same delivery ids). The consumer signs, POSTs, records and
 * retries (worker/queue/webhooks-consumer.ts). Call it once per batch of events, not per event.
 * It never throws: a failure is logged and the caller's work goes on.
 */
export async function emitWebhookEvents(env: EmitEnv, workspaceId: string, events: WebhookEvent[]): Promise<void> {
	if (events.length === 0) return;
	try {
		await keepAndSend(env, workspaceId, await subscribersOf(env, workspaceId), events);
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `webhook events not enqueued: ${String(error)}` }));
	}
}

/** The events some enabled endpoint of the workspace subscribes to (one D1 read): what an outbox needs to keep. */
export async function subscribedEvents(env: EmitEnv, workspaceId: string, events: WebhookEvent[]) {
	if (events.length === 0) return [];
	return subscribedBy(await subscribersOf(env, workspaceId), events);
}

/** One event; see `emitWebhookEvents` (prefer it for many events at once). */
export function emitWebhookEvent(env: EmitEnv, workspaceId: string, type: WebhookEventType, data: unknown) {
	return emitWebhookEvents(env, workspaceId, [{ type, data }]);
}
