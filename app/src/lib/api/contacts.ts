import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

type ContactQuery = InferRequestType<typeof api.contacts.$get>["query"];
type NewContact = InferRequestType<typeof api.contacts.$post>["json"];
type ContactPatch = InferRequestType<(typeof api.contacts)[":id"]["$patch"]>["json"];

export const listContacts = (query: ContactQuery) => call(api.contacts.$get({ query }));
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
export const uploadCsv = (file: File) => call(api.contacts.import.$post({ form: { file } }));
export const listImports = (cursor?: string) => call(api.imports.$get({ query: { limit: "10", cursor } }));
export const getImport = (id: string) => call(api.imports[":id"].$get({ param: { id } }));
