import { z } from "@hono/zod-openapi";

export const TopicInputSchema = z
	.object({
		name: z.string().trim().min(1, "Name the topic").max(80).openapi({ example: "Product news" }),
		description: z
			.string()
			.trim()
			.max(300)
			.optional()
			.openapi({ example: "New features, once a month", description: "Shown to contacts on the preference page" }),
	})
	.strict()
	.openapi("TopicInput");

export const TopicPatchSchema = TopicInputSchema.partial().strict().openapi("TopicPatch");

export const TopicSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		description: z.string(),
		opted_out: z.number().int().openapi({ description: "Contacts who opted out of this topic" }),
		created_at: z.string(),
	})
	.openapi("Topic");
export type Topic = z.infer<typeof TopicSchema>;
