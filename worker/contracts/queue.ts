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

export const EventsQueueMessageSchema = z.discriminatedUnion("type", [TrackingEventMessageSchema]);
export type EventsQueueMessage = z.infer<typeof EventsQueueMessageSchema>;
