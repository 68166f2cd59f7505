import type { Contact, ContactStatus } from "../contracts/contacts";

/** A contacts row as D1 returns it (snake_case columns, JSON as text). */
export type ContactRecord = {
	id: string;
	email: string;
	first_name: string | null;
	last_name: string | null;
	attributes: string;
	timezone: string | null;
	locale: string | null;
	status: ContactStatus;
	consent_source: string | null;
	consent_text: string | null;
	consent_at: number | null;
	consent_ip: string | null;
	created_at: number;
	updated_at: number;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentContact(row: ContactRecord, tags: string[]): Contact {
	return {
		id: row.id,
		email: row.email,
		first_name: row.first_name,
		last_name: row.last_name,
		attributes: JSON.parse(row.attributes || "{}"),
		tags,
		timezone: row.timezone,
		locale: row.locale,
		status: row.status,
		consent: row.consent_source
			? { source: row.consent_source, text: row.consent_text, at: iso(row.consent_at), ip: row.consent_ip }
			: null,
		created_at: iso(row.created_at) ?? "",
		updated_at: iso(row.updated_at) ?? "",
	};
}

/** Tags of many contacts in one query (one bound parameter, whatever the page size). */
export async function tagsOf(d1: D1Database, contactIds: string[]): Promise<Map<string, string[]>> {
	const tags = new Map<string, string[]>(contactIds.map((id) => [id, []]));
	if (contactIds.length === 0) return tags;
	const { results } = await d1
		.prepare(
			"SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY tag",
		)
		.bind(JSON.stringify(contactIds))
		.all<{ contact_id: string; tag: string }>();
	for (const r of results) tags.get(r.contact_id)?.push(r.tag);
	return tags;
}
