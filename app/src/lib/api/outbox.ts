import { api, call } from "./client";

export const listOutbox = (query: { cursor?: string; campaign_id?: string }) =>
	call(api.outbox.$get({ query: { limit: "50", ...query } }));
export const getOutboxMessage = (id: string) => call(api.outbox[":id"].$get({ param: { id } }));
