import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

type WorkspacePatch = InferRequestType<typeof api.workspace.$patch>["json"];
type MemberInvite = InferRequestType<typeof api.members.$post>["json"];
type MemberPatch = InferRequestType<(typeof api.members)[":id"]["$patch"]>["json"];
type ApiKeyBody = InferRequestType<(typeof api)["api-keys"]["$post"]>["json"];

export const updateWorkspace = (json: WorkspacePatch) => call(api.workspace.$patch({ json }));

export const listMembers = () => call(api.members.$get());
export const inviteMember = (json: MemberInvite) => call(api.members.$post({ json }));
export const updateMember = (id: string, json: MemberPatch) => call(api.members[":id"].$patch({ param: { id }, json }));
export const removeMember = (id: string) => call(api.members[":id"].$delete({ param: { id } }));

export const listApiKeys = (cursor?: string) => call(api["api-keys"].$get({ query: { limit: "50", cursor } }));
export const createApiKey = (json: ApiKeyBody) => call(api["api-keys"].$post({ json }));
export const revokeApiKey = (id: string) => call(api["api-keys"][":id"].$delete({ param: { id } }));

export const listSendingDomains = () => call(api["sending-domains"].$get());
export const addSendingDomain = (domain: string) => call(api["sending-domains"].$post({ json: { domain } }));
export const verifySendingDomain = (id: string) => call(api["sending-domains"][":id"].verify.$post({ param: { id } }));
export const removeSendingDomain = (id: string) => call(api["sending-domains"][":id"].$delete({ param: { id } }));

type TopicBody = InferRequestType<typeof api.topics.$post>["json"];
type TopicPatch = InferRequestType<(typeof api.topics)[":id"]["$patch"]>["json"];

export const getProvider = () => call(api.workspace.provider.$get());
export const connectProvider = (resendApiKey: string) =>
	call(api.workspace.provider.$put({ json: { resend_api_key: resendApiKey } }));
export const disconnectProvider = () => call(api.workspace.provider.$delete());

export const listTopics = () => call(api.topics.$get());
export const createTopic = (json: TopicBody) => call(api.topics.$post({ json }));
export const updateTopic = (id: string, json: TopicPatch) => call(api.topics[":id"].$patch({ param: { id }, json }));
export const deleteTopic = (id: string) => call(api.topics[":id"].$delete({ param: { id } }));
