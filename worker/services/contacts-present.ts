import type { Table } from "drizzle-orm";
import type { Contact } from "../contracts/contacts";
import type { Db } from "../db/client";
import { type ContactRow, findContactRow, tagsOfContacts } from "../db/contacts";
import type { contacts } from "../db/schema-contacts";

/**
 * A row as raw D1 returns it (column names, JSON as text, times as ms), derived from the schema.
 * @deprecated Only for code still reading contacts with raw D1 statements; read through worker/db/contacts.ts.
 */
type RawRow<T extends Table> = {
	[K in keyof T["_"]["columns"] as T["_"]["columns"][K]["_"]["name"]]:
		| T["_"]["columns"][K]["_"]["driverParam"]
		| (T["_"]["columns"][K]["_"]["notNull"] extends true ? never : null);
};
/** @deprecated See RawRow. */
export type ContactRecord = RawRow<typeof contacts>;

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

export function presentContact(row: ContactRow, tags: string[]): Contact {
	return {
		id: row.id,
		email: row.email,
		first_name: row.firstName,
		last_name: row.lastName,
		attributes: row.attributes,
		tags,
		timezone: row.timezone,
		locale: row.locale,
		status: row.status,
		consent: row.consentSource
			? { source: row.consentSource, text: row.consentText, at: iso(row.consentAt), ip: row.consentIp }
			: null,
		created_at: row.createdAt.toISOString(),
		updated_at: row.updatedAt.toISOString(),
	};
}

/** Contacts as the API shows them, with their tags (read in one query). */
export async function presentContacts(db: Db, rows: ContactRow[]): Promise<Contact[]> {
	const tags = await tagsOfContacts(
		db,
		rows.map((r) => r.id),
	);
	return rows.map((r) => presentContact(r, tags.get(r.id) ?? []));
}

/** One contact as the API shows it, or undefined when it is not (or no longer) in the workspace. */
export async function findPresentedContact(db: Db, workspaceId: string, id: string): Promise<Contact | undefined> {
	const row = await findContactRow(db, workspaceId, id);
	return row && presentContact(row, (await tagsOfContacts(db, [id])).get(id) ?? []);
}
