import { z } from "@hono/zod-openapi";

export const AudienceQuerySchema = z.object({
	segment_id: z
		.string()
		.min(1)
		.max(64)
		.optional()
		.openapi({ description: "A saved segment; absent = all subscribed contacts" }),
	topic_id: z
		.string()
		.min(1)
		.max(64)
		.optional()
		.openapi({ description: "The campaign's topic: contacts who opted out of it are not sendable" }),
});

export const AudienceSizeSchema = z
	.object({
		total: z.number().int().openapi({ description: "The segment's contacts (all subscribed contacts without one)" }),
		sendable: z
			.number()
			.int()
			.openapi({ description: "Of those, the recipients a send would mail now: subscribed and not suppressed" }),
	})
	.openapi("AudienceSize");
