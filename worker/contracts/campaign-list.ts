import { z } from "@hono/zod-openapi";
import { CAMPAIGN_STATUSES } from "./campaigns";
import { PageQuerySchema } from "./common";

/** `GET /campaigns`: archived campaigns stay out of the list unless asked for. */
export const CampaignListQuerySchema = PageQuerySchema.extend({
	status: z
		.enum([...CAMPAIGN_STATUSES, "archived"])
		.optional()
		.openapi({ description: "Only campaigns in this status; `archived`: only the archived ones" }),
	include_archived: z
		.enum(["true", "false"])
		.optional()
		.openapi({ description: "`true`: archived campaigns are listed too (by default they are left out)" }),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;
