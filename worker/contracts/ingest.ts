import { z } from "@hono/zod-openapi";

/** Per the Segment HTTP Tracking API: one call at most 32 KB, a batch at most 500 KB (and here 500 items). */
export const INGEST_LIMITS = { callBytes: 32 * 1024, batchBytes: 500 * 1024, batchItems: 500 } as const;

const Json = z.record(z.string(), z.unknown());
const Common = {
	userId: z
		.union([z.string(), z.number()])
		.optional()
		.openapi({ description: "Your id for the person; an email address maps to the contact" }),
	anonymousId: z.union([z.string(), z.number()]).optional(),
	context: Json.optional().openapi({ description: "`ip`, `locale`, `timezone`, `traits.email` are read" }),
	integrations: Json.optional(),
	timestamp: z.string().optional().openapi({ description: "When it happened (ISO-8601); honoured for events" }),
	originalTimestamp: z.string().optional(),
	sentAt: z.string().optional(),
	messageId: z.string().optional().openapi({ description: "Unique per message: a repeat is ignored" }),
	writeKey: z.string().optional().openapi({ description: "The ingest key, for clients that cannot send a header" }),
};

export const IdentifySchema = z
	.object({
		...Common,
		type: z.literal("identify").optional(),
		traits: Json.optional().openapi({
			description:
				"`email` (or an email `userId`) finds or creates the contact; `firstName`/`first_name`, `lastName`/`last_name`, `name`; `unsubscribed: true` or `subscribed: false` opts out; other traits become attributes",
		}),
	})
	.openapi("SegmentIdentify");

export const TrackSchema = z
	.object({
		...Common,
		type: z.literal("track").optional(),
		event: z.string().openapi({ example: "Order Completed" }),
		properties: Json.optional(),
	})
	.openapi("SegmentTrack");

export const BatchSchema = z
	.object({
		batch: z.array(Json).openapi({ description: "identify and track messages with `type`; other types are ignored" }),
		context: Json.optional(),
		integrations: Json.optional(),
		writeKey: z.string().optional(),
	})
	.openapi("SegmentBatch");

export const IngestResultSchema = z
	.object({
		success: z.literal(true),
		errors: z
			.array(z.object({ index: z.number().int(), message: z.string() }))
			.optional()
			.openapi({ description: "Messages that were not stored, by their place in the batch; the others were" }),
	})
	.openapi("IngestResult");
