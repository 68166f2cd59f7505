import type { UnsubscribeEventMessage } from "../contracts/queue";
import type { Db } from "../db/client";
import { recordUnsubscribe, type UnsubscribeTarget, unsubscribeContext } from "../db/unsubscribes";
import { enabledEndpoints } from "../db/webhook-endpoints";
import { newId } from "../domain/ids";
import { contactWriteEvents } from "./contact-outbox";

export type { UnsubscribeTarget };

/**
 * Who a link is for: the contact (if still there), the workspace, and the campaign of the message.
 * `sent` is false unless Pulse sent this message to this contact: such a link acts on nobody.
 */
export async function describeTarget(db: Db, target: UnsubscribeTarget) {
	const { workspace, contact, message } = await unsubscribeContext(db, target);
	return {
		workspaceName: workspace?.name ?? null,
		contact: contact ?? null,
		sent: message !== undefined,
		campaignId: message?.campaignId ?? null,
	};
}

/**
 * Unsubscribes at once (status, suppression list, history), so the very next chunk of every running
 * campaign leaves this contact out. Idempotent. Changes nothing unless the message was sent to this
 * contact (`sent` in the answer). `notify` is the campaign's event, for the EVENTS queue (which tells the
 * webhook endpoints `contact.unsubscribed`); `changed`, when the contact was subscribed until now, its
 * `contact.updated`, kept in the webhook outbox by the same batch (`sendAfterWrite` sends it, or else the cron).
 */
export async function unsubscribe(db: Db, target: UnsubscribeTarget, source: "link" | "one_click") {
	const described = await describeTarget(db, target);
	const { contact, sent, campaignId } = described;
	if (!contact || !sent) return { ...described, notify: null, changed: null };
	const at = Date.now();
	const statusChanged = contact.status === "subscribed";
	const changed = statusChanged
		? contactWriteEvents(
				target.workspaceId,
				await enabledEndpoints(db, target.workspaceId),
				{ id: target.contactId, email: contact.email },
				{ created: false, unsubscribed: false, source },
				new Date(at),
			)
		: null;
	await recordUnsubscribe(
		db,
		target,
		{
			email: contact.email,
			wasSubscribed: statusChanged,
			source: source === "one_click" ? "one-click unsubscribe" : "unsubscribe link",
			historyId: newId("csh"),
			at,
		},
		changed?.rows,
	);
	const notify: UnsubscribeEventMessage | null = campaignId
		? {
				type: "unsubscribe",
				workspace_id: target.workspaceId,
				campaign_id: campaignId,
				message_id: target.messageId,
				contact_id: target.contactId,
				at,
			}
		: null;
	return { ...described, notify, changed };
}
