import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

type ContactQuery = InferRequestType<typeof api.contacts.$get>["query"];
type NewContact = InferRequestType<typeof api.contacts.$post>["json"];
type ContactPatch = InferRequestType<(typeof api.contacts)[":id"]["$patch"]>["json"];

export const listContacts = (query: ContactQuery) => call(api.contacts.$get({ query }));

/** The address of every contact matching the list's filters as CSV (a plain link: the browser downloads it). */
export function contactsCsvUrl(filter: Omit<ContactQuery, "limit" | "cursor">): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
	const search = query.toString();
	return `/api/v1/contacts.csv${search ? `?${search}` : ""}`;
}

/** The address of a segment's contacts now, as CSV. */
export const segmentCsvUrl = (id: string) => `/api/v1/segments/${encodeURIComponent(id)}/contacts.csv`;
export const getContact = (id: string) => call(api.contacts[":id"].$get({ param: { id } }));
export const updateContact = (id: string, json: ContactPatch) =>
	call(api.contacts[":id"].$patch({ param: { id }, json }));
export const deleteContact = (id: string) => call(api.contacts[":id"].$delete({ param: { id } }));

/** Adds a contact, or updates the one with that address; `created` says which (201 or 200). */
export async function upsertContact(json: NewContact) {
	const pending = api.contacts.$post({ json });
	const contact = await call(pending);
	return { contact, created: (await pending).status === 201 };
}

/** Starts a CSV import: the file goes as the multipart field `file` (its name is kept for the import's record). */
export const uploadCsv = (file: File) => call(api.contacts.import.$post({ query: {}, form: { file } }));
export const listImports = (cursor?: string) => call(api.imports.$get({ query: { limit: "10", cursor } }));
export const getImport = (id: string) => call(api.imports[":id"].$get({ param: { id } }));

/** A contact's history, newest first: messages, opens, clicks, events, status and consent changes. */
export const getContactTimeline = (id: string, query: { kinds?: string[]; limit: number; cursor?: string }) =>
	call(
		api.contacts[":id"].timeline.$get({
			param: { id },
			query: { kinds: query.kinds?.join(","), limit: String(query.limit), cursor: query.cursor },
		}),
	);

/** Starts a CSV import with its settings: the consent confirmation, tags for everyone, and a column mapping. */
export const uploadCsvWithSettings = (
	file: File,
	settings: { consent: boolean; tags: string; mapping?: Record<string, string> },
) =>
	call(
		api.contacts.import.$post({
			query: {},
			form: {
				file,
				...(settings.consent ? { consent: "1" } : {}),
				...(settings.tags.trim() ? { tags: settings.tags } : {}),
				...(settings.mapping ? { mapping: JSON.stringify(settings.mapping) } : {}),
			},
		}),
	);
