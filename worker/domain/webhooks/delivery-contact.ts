import type { WebhookAttempt } from "../../contracts/webhook-endpoints";

/**
 * Whom a delivery's event is about, read from its body: the `contact_id` in its data, the contact itself for
 * `contact.created`/`contact.updated` (its `id`), or else the message it tells of (`email.sent`: the message's
 * contact, looked up where it is recorded). Null for events about no contact (campaigns, imports) or a body that
 * is not JSON.
 */
export type DeliveryContact = { contactId: string } | { messageId: string } | null;

const CONTACT_EVENTS = new Set(["contact.created", "contact.updated"]);

export function deliveryContact(eventType: string, body: string): DeliveryContact {
	let data: unknown;
	try {
		data = (JSON.parse(body) as { data?: unknown }).data;
	} catch {
		return null;
	}
	if (typeof data !== "object" || data === null) return null;
	const fields = data as Record<string, unknown>;
	const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
	const contactId = text(fields.contact_id) ?? (CONTACT_EVENTS.has(eventType) ? text(fields.id) : null);
	if (contactId) return { contactId };
	const messageId = text(fields.message_id);
	return messageId ? { messageId } : null;
}

/** The body kept for a delivery whose contact was erased: it tells nothing of them and is never sent again. */
export const ERASED_DELIVERY_BODY = '{"erased":true}';

/** The line a delivery not yet sent when its contact was erased ends with in its log (it is marked failed). */
export const erasedAttempt = (at: Date): WebhookAttempt => ({
	at: at.toISOString(),
	status_code: null,
	duration_ms: 0,
	error: "Not sent: the contact was erased",
});
