import type { Db } from "../db/client";
import { updateEndpointStatement, type WebhookEndpointRow } from "../db/webhook-endpoints";
import { shouldDisable } from "../domain/webhooks/standard-webhooks";
import { auditInsert } from "../services/audit";
import { notify } from "../services/notify";

/**
 * An endpoint that has failed every attempt for a day is turned off (its pending deliveries then fail without
 * another attempt), with an audit entry saying why, and the workspace's admins and owners are told. Answers
 * whether it did.
 */
export async function disableFailingEndpoint(
	env: Env,
	db: Db,
	endpoint: WebhookEndpointRow,
	failingSince: Date | null,
	now: Date,
): Promise<boolean> {
	if (!shouldDisable(failingSince, now)) return false;
	const reason = `Every delivery failed since ${failingSince?.toISOString()}: turned off after a day of failures`;
	await db.batch([
		updateEndpointStatement(db, endpoint.workspaceId, endpoint.id, { enabled: false, disabledReason: reason }),
		auditInsert(db, {
			workspaceId: endpoint.workspaceId,
			action: "webhook_endpoint.disabled",
			actor: null,
			target: { type: "webhook_endpoint", id: endpoint.id },
			metadata: { by: "system", url: endpoint.url, failing_since: failingSince?.toISOString() },
		}),
	]);
	await notify(
		env,
		endpoint.workspaceId,
		{ atLeast: "admin" },
		{
			kind: "alert",
			title: "A webhook endpoint was turned off",
			body: `${endpoint.url} failed every delivery for a day. Fix it, then turn it on again under Settings → Webhooks.`,
			link: "/settings/webhooks",
		},
	);
	return true;
}
