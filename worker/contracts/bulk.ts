import { z } from "@hono/zod-openapi";
/** The actions `POST /bulk` takes per resource; each item runs through the single-item rule of its route. */
export const BULK_ACTIONS = {
	campaigns: ["pause", "resume", "cancel", "archive", "tag", "untag", "delete"],
	contacts: ["tag", "untag", "unsubscribe", "erase", "add_to_list", "remove_from_list"],
	templates: ["archive", "unarchive", "delete"],
} as const;

export type BulkResource = keyof typeof BULK_ACTIONS;
export type BulkAction<R extends BulkResource = BulkResource> = (typeof BULK_ACTIONS)[R][number];

export const BULK_MAX_IDS = 500;

const actions = [...new Set(Object.values(BULK_ACTIONS).flat())] as [string, ...string[]];

/**
 * "Every row matching these filters" instead of `ids`: the same filters as the resource's list route
 * (`GET /campaigns?status=`, `GET /contacts?q=&status=&tag=&segment_id=&list_id=`, `GET /templates?category=&archived=`).
 */
export const BulkFilterSchema = z
	.object({
		q: z.string().trim().max(200).optional(),
		status: z.string().max(40).optional(),
		tag: z.string().max(100).optional(),
		segment_id: z.string().max(64).optional(),
		list_id: z.string().max(64).optional(),
		include_archived: z.enum(["true", "false"]).optional(),
		category: z.string().max(60).optional(),
		archived: z.enum(["true", "false"]).optional(),
	})
	.strict()
	.openapi("BulkFilter", {
		description: `Instead of \`ids\`: every item its list route shows with these filters (campaigns: status, include_archived; contacts: q, status, tag, segment_id, list_id; templates: category, archived), at most ${BULK_MAX_IDS}; more is 422`,
	});
export type BulkFilter = z.infer<typeof BulkFilterSchema>;

export const BulkBodySchema = z
	.object({
		resource: z.enum(["campaigns", "contacts", "templates"]),
		action: z.enum(actions).openapi({
			description: `campaigns: ${BULK_ACTIONS.campaigns.join(", ")} (delete: drafts only); contacts: ${BULK_ACTIONS.contacts.join(", ")}; templates: ${BULK_ACTIONS.templates.join(", ")}`,
		}),
		ids: z
			.array(z.string().min(1).max(64))
			.min(1)
			.max(BULK_MAX_IDS)
			.optional()
			.openapi({ description: "The items; or else `filter`" }),
		filter: BulkFilterSchema.optional(),
		params: z
			.object({
				tags: z.array(z.string().trim().min(1).max(100)).min(1).max(20).optional(),
				list_id: z.string().min(1).max(64).optional(),
				list_name: z.string().trim().min(1).max(100).optional(),
			})
			.strict()
			.optional()
			.openapi({
				description:
					"`tags` for tag and untag; for add_to_list and remove_from_list, `list_id` (a static list of the workspace) or `list_name` (the list of that name; add_to_list creates it when there is none)",
			}),
	})
	.strict()
	.refine((b) => (b.ids === undefined) !== (b.filter === undefined), {
		message: "Give either ids or filter",
		path: ["ids"],
	})
	.openapi("BulkRequest");
export type BulkBody = z.infer<typeof BulkBodySchema>;

export const BulkResultSchema = z
	.object({
		results: z.array(
			z.object({
				id: z.string(),
				ok: z.boolean(),
				error: z.object({ code: z.string(), message: z.string() }).optional(),
			}),
		),
	})
	.openapi("BulkResult");
export type BulkItemResult = z.infer<typeof BulkResultSchema>["results"][number];
