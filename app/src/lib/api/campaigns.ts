import type { InferRequestType } from "hono/client";
import type { MessageStatus } from "../types";
import { api, call } from "./client";
import { getSegment, previewSegment } from "./segments";

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

const SUBSCRIBED = { attribute: "status", op: "eq", value: "subscribed" } as const;

/**
 * The audience a send would have right now. `total` is every contact the campaign records a message for (all
 * subscribed contacts, or everyone the segment matches); `sendable` is those still subscribed: the rest are
 * recorded as suppressed and not sent to.
 *
 * Counted from segment previews, for the campaign form before the campaign exists: addresses on the suppression
 * list are not subtracted here. Once it is saved, `getCampaignAudience` is the number a send will mail.
 */
export async function audienceSize(segmentId: string | null): Promise<{ total: number; sendable: number }> {
	if (!segmentId) {
		const { count } = await previewSegment({ all: [SUBSCRIBED] });
		return { total: count, sendable: count };
	}
	const segment = await getSegment(segmentId);
	try {
		const subscribed = await previewSegment({ all: [segment.definition, SUBSCRIBED] });
		return { total: segment.count, sendable: subscribed.count };
	} catch {
		return { total: segment.count, sendable: segment.count };
	}
}
