import type { EventInput } from "../contracts/contacts";
import { normalizeEmail } from "../domain/contacts/email";
import { newId } from "../domain/ids";

/**
 * Records custom events. An event only attaches to a contact that already exists: an
 * unknown email or id is rejected for that item (never creates a contact, so an event can
 * never subscribe anyone without consent). A repeated idempotency key is a harmless no-op.
 */
export async function recordEvents(d1: D1Database, workspaceId: string, items: EventInput[]) {
	const emails = items.map((e) => (e.email ? normalizeEmail(e.email) : null));
	const wanted = {
		emails: emails.flatMap((e) => (e?.ok ? [e.email] : [])),
		ids: items.flatMap((e) => (e.contact_id ? [e.contact_id] : [])),
	};
	const { results } = await d1
		.prepare(
			// Two indexed lookups joined by UNION: an OR across both lists would scan every contact.
			`SELECT id, email FROM contacts WHERE workspace_id = ?1 AND email IN (SELECT value FROM json_each(?2))
			 UNION SELECT id, email FROM contacts WHERE workspace_id = ?1 AND id IN (SELECT value FROM json_each(?3))`,
		)
		.bind(workspaceId, JSON.stringify(wanted.emails), JSON.stringify(wanted.ids))
		.all<{ id: string; email: string }>();
	const byEmail = new Map(results.map((r) => [r.email, r.id]));
	const byId = new Set(results.map((r) => r.id));

	const rejected: { index: number; reason: string }[] = [];
	const rows: {
		id: string;
		contact_id: string;
		name: string;
		properties: string;
		occurred_at: number;
		idempotency_key: string | null;
	}[] = [];
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
			idempotency_key: item.idempotency_key ?? null,
		});
	}
	if (rows.length === 0) return { accepted: 0, duplicates: 0, rejected };
	// One statement whatever the batch size: the rows travel as one JSON parameter.
	const inserted = await d1
		.prepare(
			`INSERT INTO events (id, workspace_id, contact_id, name, properties, occurred_at, idempotency_key)
			 SELECT j.value ->> '$.id', ?, j.value ->> '$.contact_id', j.value ->> '$.name', j.value ->> '$.properties',
			        j.value ->> '$.occurred_at', j.value ->> '$.idempotency_key'
			 FROM json_each(?) j WHERE true
			 ON CONFLICT (workspace_id, idempotency_key) DO NOTHING`,
		)
		.bind(workspaceId, JSON.stringify(rows))
		.run();
	const accepted = inserted.meta.changes ?? 0;
	return { accepted, duplicates: rows.length - accepted, rejected };
}
