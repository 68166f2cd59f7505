import { api, call } from "./client";

export const getAssistantStatus = () => call(api.assistant.$get());
export const listConversations = (cursor?: string) =>
	call(api.assistant.conversations.$get({ query: { limit: "50", cursor } }));
export const getConversation = (id: string) => call(api.assistant.conversations[":id"].$get({ param: { id } }));
export const createConversation = () => call(api.assistant.conversations.$post({ json: {} }));
export const deleteConversation = (id: string) => call(api.assistant.conversations[":id"].$delete({ param: { id } }));
