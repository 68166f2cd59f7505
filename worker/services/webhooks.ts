import type { ProviderEventMessage } from "../contracts/queue";
import type { Db } from "../db/client";
import {
	applyProviderOutcome,
	firstSightOfWebhook,
	messageByProviderId,
	noteDelayed,
	type ProviderStatus,
} from "../db/webhooks";
import { newId } from "../domain/ids";

/** The Resend events Pulse acts on, and the message status each one moves to. */
const TARGET: Record<string, ProviderStatus | null> = {
	"email.sent": "sent",
	"email.delivered": "delivered",
	"email.bounced": "bounced",
	"email.complained": "complained",
	"email.delivery_delayed": null,
};

const KIND = { delivered: "delivered", bounced: "bounce", complained: "complaint" } as const;

export type ResendEvent = {
	type: string;
	created_at?: string;
	data?: { email_id?: string; bounce?: { type?: string; message?: string } };
};

const isHardBounce = (event: ResendEvent) => /permanent|hard/i.test(event.data?.bounce?.type ?? "Permanent");

/**
 * Applies one verified Resend webhook, once per `svix-id`: the message's status moves forward at once,
 * and a hard bounce or a complaint suppresses the address before the next chunk of any campaign; a
 * delayed delivery is noted without changing the outcome. `notify` is the event for the EVENTS queue
 * (the campaign's event log and live numbers), if there is one.
 */
export async function applyResendEvent(db: Db, svixId: string, event: ResendEvent) {
	const none = { notify: null };
	if (!(await firstSightOfWebhook(db, svixId, event.type)))
		return { applied: false, reason: "duplicate" as const, ...none };
	const providerId = event.data?.email_id;
	if (!providerId || !(event.type in TARGET)) return { applied: false, reason: "ignored" as const, ...none };
	const message = await messageByProviderId(db, providerId);
	if (!message) return { applied: false, reason: "unknown message" as const, ...none };
	const at = event.created_at ? Date.parse(event.created_at) || Date.now() : Date.now();
	const target = TARGET[event.type];
	if (!target) {
		await noteDelayed(db, message.id, at);
		return { applied: true, reason: "noted" as const, ...none };
	}
	const suppress =
		target === "complained" ? "complained" : target === "bounced" && isHardBounce(event) ? "bounced" : null;
	const error = target === "bounced" ? (event.data?.bounce?.message ?? "bounced").slice(0, 500) : null;
	const moved = await applyProviderOutcome(db, message, { target, at, error, suppress }, newId("csh"));
	const notify: ProviderEventMessage | null =
		target === "sent"
			? null
			: {
					type: "provider",
					svix_id: svixId,
					kind: KIND[target],
					workspace_id: message.workspaceId,
					campaign_id: message.campaignId,
					message_id: message.id,
					contact_id: message.contactId,
					at,
					moved: moved ? { from: message.status, to: target } : null,
				};
	return { applied: true, reason: "applied" as const, notify };
}
