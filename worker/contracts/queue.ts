import { z } from "zod";

/** One SENDS message is one frozen chunk of at most 100 recipients of a campaign. */
export const SendChunkMessageSchema = z.object({
	type: z.literal("send_chunk"),
	workspace_id: z.string(),
	campaign_id: z.string(),
	chunk_id: z.string(),
});

export const SendsQueueMessageSchema = z.discriminatedUnion("type", [SendChunkMessageSchema]);
export type SendsQueueMessage = z.infer<typeof SendsQueueMessageSchema>;

/** An open or click as the edge saw it (token already verified), on its way to D1 and the campaign's DO. */
export const TrackingEventMessageSchema = z.object({
	type: z.literal("tracking"),
	kind: z.enum(["open", "click"]),
	message_id: z.string(),
	link: z.number().int().optional(),
	url: z.string().optional(),
	method: z.string().default("GET"),
	at: z.number(),
	user_agent: z.string().nullable().optional(),
	ip: z.string().nullable().optional(),
});
export type TrackingEventMessage = z.infer<typeof TrackingEventMessageSchema>;

/**
 * An unsubscribe already applied in the request (status and suppression, so the next chunk leaves the
 * contact out); the consumer records the campaign's event and tells the campaign's object.
 */
export const UnsubscribeEventMessageSchema = z.object({
	type: z.literal("unsubscribe"),
	workspace_id: z.string(),
	campaign_id: z.string(),
	message_id: z.string(),
	contact_id: z.string(),
	at: z.number(),
});
export type UnsubscribeEventMessage = z.infer<typeof UnsubscribeEventMessageSchema>;

/**
 * A verified provider webhook (delivered, bounce, complaint, failed, suppressed) whose status change and suppression were
 * applied in the request; `moved` is the message's status change it made, if any (counted once, with the event).
 */
export const ProviderEventMessageSchema = z.object({
	type: z.literal("provider"),
	svix_id: z.string(),
	kind: z.enum(["delivered", "bounce", "complaint", "failed", "suppressed"]),
	workspace_id: z.string(),
	campaign_id: z.string(),
	message_id: z.string(),
	contact_id: z.string(),
	at: z.number(),
	moved: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type ProviderEventMessage = z.infer<typeof ProviderEventMessageSchema>;

/**
 * Custom events just stored (`POST /api/v1/events`), on their way to the journeys of the workspace (entries, waits,
 * goal exits); `key` is applied once per journey, so a redelivered message changes nothing.
 */
export const JourneyEventsMessageSchema = z.object({
	type: z.literal("journey_events"),
	workspace_id: z.string(),
	events: z.array(
		z.object({
			key: z.string(),
			contact_id: z.string(),
			name: z.string(),
			properties: z.record(z.string(), z.unknown()),
			occurred_at: z.number(),
		}),
	),
});
export type JourneyEventsMessage = z.infer<typeof JourneyEventsMessageSchema>;

/** Contacts whose data or tags changed: segment-entry journeys check whether they entered or left the segment. */
export const JourneyContactsMessageSchema = z.object({
	type: z.literal("journey_contacts"),
	workspace_id: z.string(),
	contact_ids: z.array(z.string()),
});
export type JourneyContactsMessage = z.infer<typeof JourneyContactsMessageSchema>;

export const EventsQueueMessageSchema = z.discriminatedUnion("type", [
	TrackingEventMessageSchema,
	UnsubscribeEventMessageSchema,
	ProviderEventMessageSchema,
	JourneyEventsMessageSchema,
	JourneyContactsMessageSchema,
]);
export type EventsQueueMessage = z.infer<typeof EventsQueueMessageSchema>;
/** The messages about campaign emails (what the tracking part of the consumer handles). */
export type CampaignEventsMessage = TrackingEventMessage | UnsubscribeEventMessage | ProviderEventMessage;
