import type { EventInput } from "../contracts/contacts";
import { createDb } from "../db/client";
import { contactsByEmailOrId, type EventInsert, insertEvents } from "../db/events";
import { normalizeEmail } from "../domain/contacts/email";
import { callerIdempotencyKey } from "../domain/events/idempotency-key";
import { newId } from "../domain/ids";
import { enqueueJourneyEvents } from "./journey-events";

/**
 * Records custom events. An event only attaches to a contact that already exists: an
 * unknown email or id is rejected for that item (never creates a contact, so an event can
 * never subscribe anyone without consent). A repeated idempotency key is a harmless no-op. A caller's key in an
 * integration's namespace (`shopify:`) is stored under `api:`, so only the integration itself (`integration`)
 * records under it.
 */
export async function recordEvents(
	d1: D1Database,
	workspaceId: string,
	items: EventInput[],
	/** The EVENTS queue: stored events go on to the workspace's journeys (entries, waits, goals). */
	journeys?: Queue<unknown>,
	from: { integration?: boolean } = {},
) {
	const keyOf = (key: string | undefined) => (!key ? null : from.integration ? key : callerIdempotencyKey(key));
	const emails = items.map((e) => (e.email ? normalizeEmail(e.email) : null));
	const wanted = {
		emails: emails.flatMap((e) => (e?.ok ? [e.email] : [])),
		ids: items.flatMap((e) => (e.contact_id ? [e.contact_id] : [])),
	};
	const db = createDb(d1);
	const results = await contactsByEmailOrId(db, workspaceId, wanted);
	const byEmail = new Map(results.map((r) => [r.email, r.id]));
	const byId = new Set(results.map((r) => r.id));

	const rejected: { index: number; reason: string }[] = [];
	const rows: EventInsert[] = [];
	for (const [index, item] of items.entries()) {
		const email = emails[index];
		if (email && !email.ok) {
			rejected.push({ index, reason: email.reason });
			continue;
		}
		const contactId = item.contact_id
			? byId.has(item.contact_id)
				? item.contact_id
				: undefined
			: email?.ok
				? byEmail.get(email.email)
				: undefined;
		if (!contactId) {
			rejected.push({ index, reason: "unknown_contact: create the contact first (with consent)" });
			continue;
		}
		rows.push({
			id: newId("evt"),
			contact_id: contactId,
			name: item.name,
			properties: JSON.stringify(item.properties ?? {}),
			occurred_at: item.occurred_at ? Date.parse(item.occurred_at) : Date.now(),
			idempotency_key: keyOf(item.idempotency_key),
		});
	}
	if (rows.length === 0) return { accepted: 0, duplicates: 0, rejected };
	const accepted = await insertEvents(db, workspaceId, rows);
	if (journeys) await enqueueJourneyEvents(journeys, workspaceId, rows);
	return { accepted, duplicates: rows.length - accepted, rejected };
}
