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

/** Tracking and provider events on their way to D1 and the campaign's Durable Object. */
export const TrackingEventMessageSchema = z.object({
	type: z.literal("tracking"),
	kind: z.enum(["open", "click", "unsubscribe"]),
	token: z.string(),
	at: z.string(),
	user_agent: z.string().optional(),
	ip: z.string().optional(),
});

export const EventsQueueMessageSchema = z.discriminatedUnion("type", [TrackingEventMessageSchema]);
export type EventsQueueMessage = z.infer<typeof EventsQueueMessageSchema>;
