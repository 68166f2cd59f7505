import type { z } from "@hono/zod-openapi";
import { BULK_MAX_IDS, type BulkFilter, type BulkResource } from "../contracts/bulk";
import { CampaignListQuerySchema } from "../contracts/campaign-list";
import { ContactListQuerySchema } from "../contracts/contacts";
import { TemplateListQuerySchema } from "../contracts/templates";
import { ApiError } from "../errors";
import { listCampaigns } from "./campaigns";
import { listContacts } from "./contacts-read";
import { listTemplates } from "./templates";

type Lister = (
	d1: D1Database,
	workspaceId: string,
	query: never,
) => Promise<{
	data: { id: string }[];
	next_cursor: string | null;
}>;

/** Each resource's list route: its query schema (the filters it takes) and its page function. */
const LISTS: Record<BulkResource, { schema: z.ZodObject; list: Lister }> = {
	campaigns: { schema: CampaignListQuerySchema.omit({ limit: true, cursor: true }), list: listCampaigns },
	contacts: { schema: ContactListQuerySchema.omit({ limit: true, cursor: true }), list: listContacts },
	templates: { schema: TemplateListQuerySchema.omit({ limit: true, cursor: true }), list: listTemplates },
};

/**
 * The ids of every item the resource's list route shows with these filters (the rows of "select all matching"),
 * newest first: a filter the list does not take is 400, more than the bulk route's maximum is 422.
 */
export async function matchingIds(d1: D1Database, workspaceId: string, resource: BulkResource, filter: BulkFilter) {
	const { schema, list } = LISTS[resource];
	const parsed = schema.strict().safeParse(filter);
	if (!parsed.success)
		throw new ApiError(
			"validation_failed",
			`Not a filter of the ${resource} list`,
			parsed.error.issues.map((i) => ({
				path: ["filter", ...(i.path.length ? i.path : "keys" in i ? (i.keys as string[]) : [])].join("."),
				message: i.message,
			})),
		);
	const page = await list(d1, workspaceId, { ...parsed.data, limit: BULK_MAX_IDS } as never);
	if (page.next_cursor)
		throw new ApiError(
			"unprocessable",
			`More than ${BULK_MAX_IDS} ${resource} match these filters; one bulk action takes at most ${BULK_MAX_IDS}: narrow the filters`,
			[{ path: "filter", message: `More than ${BULK_MAX_IDS} match` }],
		);
	return page.data.map((row) => row.id);
}
