import type { ProviderEventMessage } from "../contracts/queue";
import type { Db } from "../db/client";
import { enabledEndpoints } from "../db/webhook-endpoints";
import {
	applyProviderOutcome,
	isDuplicateWebhook,
	messageByProviderId,
	noteDelayed,
	untrackedMessageById,
	type WebhookMessage,
	webhookSeen,
} from "../db/webhooks";
import { newId } from "../domain/ids";
import { eventTime, outcomeOf, type ResendEvent, taggedMessageId } from "../domain/webhooks/resend-event";
import { contactWriteEvents } from "./contact-outbox";

export type { ResendEvent } from "../domain/webhooks/resend-event";

type Applied = {
	applied: boolean;
	reason: "applied" | "noted" | "duplicate" | "ignored" | "unknown message";
	notify: ProviderEventMessage | null;
	/**
	 * The contact whose status the event changed (bounced or complained), with its `contact.updated`, kept in the
	 * webhook outbox by the same batch: `sendAfterWrite` sends it (or the cron, if nothing runs after the batch).
	 */
	changedContact: { workspaceId: string; contactId: string; events: ContactEvents } | null;
};

const not = (reason: "duplicate" | "ignored" | "unknown message"): Applied => ({
	applied: false,
	reason,
	notify: null,
	changedContact: null,
});

type ContactEvents = ReturnType<typeof contactWriteEvents>;

/** The `contact.updated` a suppressing outcome tells the workspace's endpoints of, if it changes the contact. */
async function contactUpdated(db: Db, message: WebhookMessage): Promise<ContactEvents> {
	const endpoints = await enabledEndpoints(db, message.workspaceId);
	const contact = { id: message.contactId, email: message.email };
	const change = { created: false, unsubscribed: false, source: "resend webhook" };
	return contactWriteEvents(message.workspaceId, endpoints, contact, change, new Date());
}

/**
 * Applies one verified Resend webhook, once per `svix-id`: the `svix-id` is recorded in the same D1
 * transaction as the effect, so an application that fails leaves nothing behind and Resend's retry
 * applies it. The message is found by its provider id, or else by the `message_id` tag Pulse sets on
 * every email (the provider's answer was lost, so its id is not recorded yet). Its status moves forward
 * at once; a hard bounce, a complaint or Resend's own suppression puts the address on the workspace's
 * list before the next chunk of any campaign. `notify` is the event for the EVENTS queue (the campaign's
 * event log and live numbers), if there is one; `changedContact` the contact it marked bounced or complained.
 */
export async function applyResendEvent(db: Db, svixId: string, event: ResendEvent): Promise<Applied> {
	if (await webhookSeen(db, svixId)) return not("duplicate");
	const outcome = outcomeOf(event);
	const providerId = event.data?.email_id;
	if (!providerId || outcome.kind === "ignored") return not("ignored");
	let message = await messageByProviderId(db, providerId);
	const tagged = message ? null : taggedMessageId(event);
	if (tagged) message = await untrackedMessageById(db, tagged);
	if (!message) return not("unknown message");
	const at = eventTime(event);
	try {
		if (outcome.kind === "delayed") {
			await noteDelayed(db, svixId, event.type, message.id, at);
			return { applied: true, reason: "noted", notify: null, changedContact: null };
		}
		const events = outcome.suppress ? await contactUpdated(db, message) : null;
		const { moved, contactChanged } = await applyProviderOutcome(
			db,
			svixId,
			event.type,
			message,
			{ ...outcome, at, providerId: tagged ? providerId : null },
			newId("csh"),
			events?.rows,
		);
		const notify: ProviderEventMessage | null = outcome.log && {
			type: "provider",
			svix_id: svixId,
			kind: outcome.log,
			workspace_id: message.workspaceId,
			campaign_id: message.campaignId,
			message_id: message.id,
			contact_id: message.contactId,
			at,
			moved: moved ? { from: message.status, to: outcome.target } : null,
		};
		const changedContact =
			contactChanged && events ? { workspaceId: message.workspaceId, contactId: message.contactId, events } : null;
		return { applied: true, reason: "applied", notify, changedContact };
	} catch (error) {
		if (isDuplicateWebhook(error)) return not("duplicate");
		throw error;
	}
}
