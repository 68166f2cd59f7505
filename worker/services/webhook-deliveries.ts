import type { Principal } from "../context";
import type { WebhookDelivery } from "../contracts/webhook-endpoints";
import type { WebhookDeliveryMessage } from "../contracts/webhook-queue";
import type { Db } from "../db/client";
import {
	deliveriesOfEndpoint,
	findDelivery,
	restartDeliveryStatement,
	type WebhookDeliveryRow,
} from "../db/webhook-deliveries";
import { ERASED_DELIVERY_BODY } from "../domain/webhooks/delivery-contact";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { type PageRequest, pageOf, startAfter } from "./pagination";
import { getEndpoint } from "./webhook-endpoints";

export const presentDelivery = (row: WebhookDeliveryRow): WebhookDelivery => ({
	id: row.id,
	event_type: row.eventType,
	webhook_id: row.id,
	attempts: row.attempts,
	status: row.status,
	created_at: row.createdAt.toISOString(),
});

/** An endpoint's delivery log, newest first: every attempt with its status code and duration. */
export async function listDeliveries(db: Db, workspaceId: string, endpointId: string, page: PageRequest) {
	await getEndpoint(db, workspaceId, endpointId);
	const rows = await deliveriesOfEndpoint(db, workspaceId, endpointId, startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, presentDelivery);
}

/**
 * Sends a delivery again, with the same `webhook-id` (receivers that saw it already can drop it) and a fresh
 * schedule of retries. The endpoint must be enabled.
 */
export async function replayDelivery(
	env: Pick<Env, "WEBHOOKS">,
	db: Db,
	actor: Principal,
	endpointId: string,
	deliveryId: string,
	ip: string | null,
) {
	const endpoint = await getEndpoint(db, actor.workspaceId, endpointId);
	const row = await findDelivery(db, actor.workspaceId, endpointId, deliveryId);
	if (!row) throw notFound("Delivery");
	if (!endpoint.enabled) throw new ApiError("conflict", "Enable the endpoint before replaying its deliveries");
	if (row.body === ERASED_DELIVERY_BODY)
		throw new ApiError(
			"conflict",
			"This delivery's contact was erased: its event is no longer kept and cannot be sent",
		);
	await db.batch([
		restartDeliveryStatement(db, row.id),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "webhook_delivery.replayed",
			actor,
			target: { type: "webhook_endpoint", id: endpointId },
			ip,
			metadata: { delivery_id: row.id, event_type: row.eventType },
		}),
	]);
	const message: WebhookDeliveryMessage = {
		type: "webhook_delivery",
		delivery_id: row.id,
		endpoint_id: endpointId,
		workspace_id: actor.workspaceId,
	};
	await env.WEBHOOKS.send(message);
	return presentDelivery({ ...row, status: "pending", roundAttempts: 0 });
}
