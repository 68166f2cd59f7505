import { z } from "@hono/zod-openapi";

export const SegmentFieldsSchema = z
	.object({
		attributes: z
			.array(
				z.object({
					key: z.string(),
					values: z
						.array(z.object({ value: z.union([z.string(), z.number(), z.boolean()]), contacts: z.number().int() }))
						.openapi({ description: "The most frequent values among the sampled contacts" }),
				}),
			)
			.openapi({ description: "Attribute names of the newest contacts (a sample), with their most frequent values" }),
		tags: z.array(z.object({ tag: z.string(), contacts: z.number().int() })),
		events: z
			.array(z.object({ name: z.string(), properties: z.array(z.string()) }))
			.openapi({ description: "Event names recently received, with the property keys they carried" }),
		campaigns: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })).openapi({
			description: "Campaigns that have started sending, newest first, for engagement rules",
		}),
		lists: z
			.array(z.object({ id: z.string(), name: z.string(), contacts: z.number().int() }))
			.openapi({ description: "The workspace's static lists, newest first, for list rules" }),
	})
	.openapi("SegmentFields");
export type SegmentFields = z.infer<typeof SegmentFieldsSchema>;
