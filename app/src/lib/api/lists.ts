import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

type ListInput = InferRequestType<typeof api.lists.$post>["json"];
type ListPatch = InferRequestType<(typeof api.lists)[":id"]["$patch"]>["json"];
export type ContactListItem = InferResponseType<typeof api.lists.$get, 200>["data"][number];

/** The workspace's static lists, or those a contact is on (newest first; the first 500 are plenty for a picker). */
export const listLists = async (contactId?: string) =>
	(await call(api.lists.$get({ query: { limit: "500", contact_id: contactId } }))).data;
export const createList = (json: ListInput) => call(api.lists.$post({ json }));
export const deleteList = (id: string) => call(api.lists[":id"].$delete({ param: { id } }));
/** A page of lists, newest first, only those whose name contains `q` (any case) when given. */
export const listListsPage = (query: { q?: string; cursor?: string; limit?: number }) =>
	call(api.lists.$get({ query: { limit: String(query.limit ?? 50), cursor: query.cursor, q: query.q } }));
export const updateList = (id: string, json: ListPatch) => call(api.lists[":id"].$patch({ param: { id }, json }));
