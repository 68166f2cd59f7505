import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

type ListInput = InferRequestType<typeof api.lists.$post>["json"];
export type ContactListItem = InferResponseType<typeof api.lists.$get, 200>["data"][number];

/** The workspace's static lists, or those a contact is on (newest first; the first 500 are plenty for a picker). */
export const listLists = async (contactId?: string) =>
	(await call(api.lists.$get({ query: { limit: "500", contact_id: contactId } }))).data;
export const createList = (json: ListInput) => call(api.lists.$post({ json }));
export const deleteList = (id: string) => call(api.lists[":id"].$delete({ param: { id } }));
