import { z } from "@hono/zod-openapi";
import { PageQuerySchema } from "./common";

/** Contact ids one members call takes (as one bulk action). */
export const LIST_MEMBERS_MAX = 500;

export const ListQuerySchema = PageQuerySchema.extend({
	contact_id: z.string().min(1).max(64).optional().openapi({ description: "Only the lists this contact is on" }),
	q: z.string().trim().max(100).optional().openapi({ description: "Only lists whose name contains this (any case)" }),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const ListInputSchema = z
	.object({
		name: z.string().trim().min(1, "Name the list").max(100).openapi({ example: "Webinar attendees" }),
		description: z.string().trim().max(300).optional().openapi({ example: "Joined the March webinar" }),
	})
	.strict()
	.openapi("ListInput");

export const ListPatchSchema = ListInputSchema.partial().strict().openapi("ListPatch");

export const ListSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		description: z.string(),
		count: z.number().int().openapi({ description: "Contacts on the list (whatever their status)" }),
		created_at: z.string(),
		updated_at: z.string(),
	})
	.openapi("List");
export type ContactList = z.infer<typeof ListSchema>;

export const ListMembersBodySchema = z
	.object({
		contact_ids: z
			.array(z.string().min(1).max(64))
			.min(1)
			.max(LIST_MEMBERS_MAX)
			.openapi({ example: ["ctc_01hx..."], description: `Contact ids of this workspace, at most ${LIST_MEMBERS_MAX}` }),
	})
	.strict()
	.openapi("ListMembersBody");

export const ListMembersResultSchema = z
	.object({
		changed: z.number().int().openapi({ description: "Contacts added (or removed) by this call" }),
		not_found: z.array(z.string()).openapi({ description: "Ids that are not contacts of this workspace (ignored)" }),
		count: z.number().int().openapi({ description: "Contacts on the list now" }),
	})
	.openapi("ListMembersResult");
export type ListMembersResult = z.infer<typeof ListMembersResultSchema>;
