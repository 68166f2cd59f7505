import type { InferRequestType } from "hono/client";
import type { MessageStatus } from "../types";
import { api, call } from "./client";

type NewCampaign = InferRequestType<typeof api.campaigns.$post>["json"];
type CampaignPatch = InferRequestType<(typeof api.campaigns)[":id"]["$patch"]>["json"];

export const listCampaigns = (query: { limit: number; cursor?: string }) =>
	call(api.campaigns.$get({ query: { limit: String(query.limit), cursor: query.cursor } }));
export const getCampaign = (id: string) => call(api.campaigns[":id"].$get({ param: { id } }));
export const createCampaign = (json: NewCampaign) => call(api.campaigns.$post({ json }));
export const updateCampaign = (id: string, json: CampaignPatch) =>
	call(api.campaigns[":id"].$patch({ param: { id }, json }));
export const deleteCampaign = (id: string) => call(api.campaigns[":id"].$delete({ param: { id } }));
/** How many recipients a send would mail now (subscribed, not suppressed), counted by the server as the send counts them. */
export const getCampaignAudience = (id: string) => call(api.campaigns[":id"].audience.$get({ param: { id } }));
export const getCampaignStats = (id: string) => call(api.campaigns[":id"].stats.$get({ param: { id } }));
export const listCampaignMessages = (id: string, query: { limit: number; cursor?: string; status?: MessageStatus }) =>
	call(
		api.campaigns[":id"].messages.$get({
			param: { id },
			query: { limit: String(query.limit), cursor: query.cursor, status: query.status },
		}),
	);

// ---- commands: each answers the campaign's new status ----
export const sendCampaign = (id: string) => call(api.campaigns[":id"].send.$post({ param: { id } }));
export const scheduleCampaign = (id: string, sendAt: string) =>
	call(api.campaigns[":id"].schedule.$post({ param: { id }, json: { send_at: sendAt } }));
export const pauseCampaign = (id: string) => call(api.campaigns[":id"].pause.$post({ param: { id } }));
export const resumeCampaign = (id: string) => call(api.campaigns[":id"].resume.$post({ param: { id } }));
export const cancelCampaign = (id: string) => call(api.campaigns[":id"].cancel.$post({ param: { id } }));

/**
 * The audience a send would have right now, for the campaign form before the campaign exists: `total` is every
 * contact the segment reaches (all subscribed contacts without one), `sendable` those a send would mail (subscribed
 * and not on the suppression list), counted by the server as the send counts them.
 */
export const audienceSize = (segmentId: string | null) =>
	call(api.audience.$get({ query: segmentId ? { segment_id: segmentId } : {} }));
