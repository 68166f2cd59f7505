import { z } from "@hono/zod-openapi";
/** The actions `POST /bulk` takes per resource; each item runs through the single-item rule of its route. */
export const BULK_ACTIONS = {
	campaigns: ["pause", "resume", "cancel", "archive", "tag", "untag", "delete"],
	contacts: ["tag", "untag", "unsubscribe", "erase", "add_to_list"],
	templates: ["archive", "unarchive", "delete"],
} as const;

export type BulkResource = keyof typeof BULK_ACTIONS;
export type BulkAction<R extends BulkResource = BulkResource> = (typeof BULK_ACTIONS)[R][number];

export const BULK_MAX_IDS = 500;

const actions = [...new Set(Object.values(BULK_ACTIONS).flat())] as [string, ...string[]];

export const BulkBodySchema = z
	.object({
		resource: z.enum(["campaigns", "contacts", "templates"]),
		action: z.enum(actions).openapi({
			description: `campaigns: ${BULK_ACTIONS.campaigns.join(", ")} (delete: drafts only); contacts: ${BULK_ACTIONS.contacts.join(", ")}; templates: ${BULK_ACTIONS.templates.join(", ")}`,
		}),
		ids: z.array(z.string().min(1).max(64)).min(1).max(BULK_MAX_IDS),
		params: z
			.object({ tags: z.array(z.string().trim().min(1).max(100)).min(1).max(20).optional() })
			.strict()
			.optional()
			.openapi({ description: "`tags` for tag and untag" }),
	})
	.strict()
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
