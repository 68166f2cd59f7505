import { z } from "@hono/zod-openapi";

export const SEARCH_TYPES = ["campaign", "journey", "template", "segment", "contact"] as const;
export const SearchTypeSchema = z.enum(SEARCH_TYPES);

export const SearchQuerySchema = z.object({
	q: z.string().trim().max(200).optional().openapi({ description: "Part of a name, subject or email (any case)" }),
	type: SearchTypeSchema.optional(),
	status: z.string().max(40).optional().openapi({ description: "A status of the type (templates: active, archived)" }),
	tag: z
		.string()
		.max(100)
		.optional()
		.openapi({ description: "Campaigns and contacts by tag, templates by category; journeys and segments have none" }),
	within_days: z.coerce
		.number()
		.int()
		.min(1)
		.max(3650)
		.optional()
		.openapi({ description: "Only what changed in the last this many days (the date facet)" }),
	limit: z.coerce
		.number()
		.int()
		.min(1)
		.max(500)
		.default(10)
		.openapi({ description: "Results per type (at most 50 are shown)" }),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchResultSchema = z
	.object({
		data: z.array(
			z.object({
				type: SearchTypeSchema,
				id: z.string(),
				name: z.string(),
				status: z.string().nullable(),
				snippet: z.string(),
				updated_at: z.string().optional().openapi({ description: "When it last changed" }),
			}),
		),
		facets: z.object({
			type: z.record(z.string(), z.number()).openapi({ description: "Matches per type (counted up to 1,000 each)" }),
			status: z.record(z.string(), z.number()).openapi({ description: "Matches per status of the types shown" }),
		}),
	})
	.openapi("SearchResult");

/** A saved search keeps the query string's filters. */
export const SavedSearchQuerySchema = z
	.object({
		q: z.string().max(200).optional(),
		type: SearchTypeSchema.optional(),
		status: z.string().max(40).optional(),
		tag: z.string().max(100).optional(),
		within_days: z.string().max(5).optional(),
	})
	.strict();

export const SavedSearchInputSchema = z
	.object({
		name: z.string().trim().min(1).max(100),
		query: z
			.union([z.record(z.string(), z.union([z.string(), z.number()])), z.string().max(1000)])
			.optional()
			.openapi({
				description:
					"The search's parameters (`q`, `type`, `status`, `tag`, `within_days`) as an object or a query string (`q=sale&type=campaign`); they may also be given beside `name`",
				example: { q: "sale", type: "campaign" },
			}),
		q: z.string().max(200).optional(),
		type: SearchTypeSchema.optional(),
		status: z.string().max(40).optional(),
		tag: z.string().max(100).optional(),
		within_days: z.union([z.string().max(5), z.number().int().min(1).max(3650)]).optional(),
	})
	.strict()
	.openapi("SavedSearchInput");
export type SavedSearchInput = z.infer<typeof SavedSearchInputSchema>;

export const SavedSearchSchema = z
	.object({ id: z.string(), name: z.string(), query: SavedSearchQuerySchema, created_at: z.string() })
	.openapi("SavedSearch");
