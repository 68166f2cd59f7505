import type { InferRequestType } from "hono/client";
import type { MessageStatus } from "../types";
import { api, call } from "./client";

type NewCampaign = InferRequestType<typeof api.campaigns.$post>["json"];
type CampaignPatch = InferRequestType<(typeof api.campaigns)[":id"]["$patch"]>["json"];

export type CampaignListStatus = NonNullable<InferRequestType<typeof api.campaigns.$get>["query"]["status"]>;
/** Newest first; archived campaigns only with `status: "archived"`. */
export const listCampaigns = (query: { limit: number; cursor?: string; status?: CampaignListStatus }) =>
	call(
		api.campaigns.$get({
			query: { limit: String(query.limit), cursor: query.cursor, ...(query.status ? { status: query.status } : {}) },
		}),
	);
export const getCampaign = (id: string) => call(api.campaigns[":id"].$get({ param: { id } }));
export const createCampaign = (json: NewCampaign) => call(api.campaigns.$post({ json }));
export const updateCampaign = (id: string, json: CampaignPatch) =>
	call(api.campaigns[":id"].$patch({ param: { id }, json }));
export const deleteCampaign = (id: string) => call(api.campaigns[":id"].$delete({ param: { id } }));
/** How many recipients a send would mail now (subscribed, not suppressed), counted by the server as the send counts them. */
export const getCampaignAudience = (id: string) => call(api.campaigns[":id"].audience.$get({ param: { id } }));
export const getCampaignStats = (id: string) => call(api.campaigns[":id"].stats.$get({ param: { id } }));
/** Who in a campaign did what (people only for opens and clicks), as the segment rule `{engagement, campaign_id}` says. */
export type Engagement = "opened" | "clicked" | "bounced" | "unsubscribed";
export type MessageFilter = { status?: MessageStatus; engagement?: Engagement; q?: string };

export const listCampaignMessages = (id: string, query: { limit: number; cursor?: string } & MessageFilter) =>
	call(
		api.campaigns[":id"].messages.$get({
			param: { id },
			query: {
				limit: String(query.limit),
				cursor: query.cursor,
				status: query.status,
				engagement: query.engagement,
				q: query.q || undefined,
			},
		}),
	);
/** The address of the recipient log as CSV with the same filters (a plain link: the browser downloads it). */
export function campaignMessagesCsvUrl(id: string, filter: MessageFilter): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries({ status: filter.status, engagement: filter.engagement, q: filter.q }))
		if (value) query.set(key, value);
	const search = query.toString();
	return `/api/v1/campaigns/${encodeURIComponent(id)}/messages.csv${search ? `?${search}` : ""}`;
}
/** Opens and clicks over time, in minute, hour or day buckets chosen by the server. */
export const getCampaignTimeline = (id: string) => call(api.campaigns[":id"].timeline.$get({ param: { id } }));
/** 2 to 5 campaigns side by side. */
export const compareCampaigns = (ids: string[]) => call(api.campaigns.compare.$get({ query: { ids: ids.join(",") } }));
/** A template's subject (and body) rendered for one contact, exactly as it would be sent. */
export const previewForContact = (templateId: string, contactId: string) =>
	call(api.templates[":id"].preview.$post({ param: { id: templateId }, json: { contact_id: contactId } }));

// ---- commands: each answers the campaign's new status ----
export const sendCampaign = (id: string) => call(api.campaigns[":id"].send.$post({ param: { id } }));
/** `localTime` ("HH:MM"): each recipient is sent at that time on their own clock, from `sendAt` on. */
export const scheduleCampaign = (id: string, sendAt: string, localTime?: string) =>
	call(
		api.campaigns[":id"].schedule.$post({
			param: { id },
			json: localTime ? { send_at: sendAt, local_time: localTime } : { send_at: sendAt },
		}),
	);
export const pauseCampaign = (id: string) => call(api.campaigns[":id"].pause.$post({ param: { id } }));
export const resumeCampaign = (id: string) => call(api.campaigns[":id"].resume.$post({ param: { id } }));
export const cancelCampaign = (id: string) => call(api.campaigns[":id"].cancel.$post({ param: { id } }));

/**
 * The audience a send would have right now, for the campaign form before the campaign exists: `total` is every
 * contact the segment reaches (all subscribed contacts without one), `sendable` those a send would mail (subscribed
 * and not on the suppression list, nor opted out of the campaign's topic), counted by the server as the send counts them.
 */
export const audienceSize = (segmentId: string | null, topicId: string | null = null) =>
	call(
		api.audience.$get({
			query: { ...(segmentId ? { segment_id: segmentId } : {}), ...(topicId ? { topic_id: topicId } : {}) },
		}),
	);
