import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import {
	CampaignMessageSchema,
	CampaignStatsSchema,
	CompareQuerySchema,
	ComparisonSchema,
	MessagesCsvQuerySchema,
	MessagesQuerySchema,
	ReportTimelineSchema,
} from "../contracts/campaigns";
import { IdParamSchema, page } from "../contracts/common";
import {
	campaignMessages,
	campaignMessagesCsv,
	campaignStats,
	compareCampaigns,
	providerReportsDelivery,
	reportTimeline,
} from "../services/campaign-stats";
import { findCampaign } from "../services/campaigns";
import { defineRoute, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Campaigns"];

/**
 * A campaign's report: numbers, chart, recipient log (JSON and CSV) and campaigns side by side. Mounted before
 * `campaignRoutes`, so `/compare` is never taken for an id.
 */
export const campaignReportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/compare",
			tags,
			summary: "2 to 5 campaigns side by side: their numbers, from which every rate follows (422 outside 2..5)",
			request: { query: CompareQuerySchema },
			responses: { 200: jsonResponse(ComparisonSchema, "The campaigns, in the order asked") },
		}),
		async (c) => c.json(await compareCampaigns(c.env, c.var.principal.workspaceId, c.req.valid("query").ids), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/stats",
			tags,
			summary: "Reconciled counts: audience = queued + sent + delivered + failed + suppressed + cancelled",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(CampaignStatsSchema, "The numbers") },
		}),
		async (c) => {
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			const options = { providerReportsDelivery: providerReportsDelivery(c.env) };
			return c.json(await campaignStats(c.env.DB, row.id, row.status, options), 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/messages",
			tags,
			summary:
				"The per-recipient log (status, attempts, last error, times), filtered by status, engagement and part of the email",
			request: { params: IdParamSchema, query: MessagesQuerySchema },
			responses: { 200: jsonResponse(page(CampaignMessageSchema), "A page of recipients") },
		}),
		async (c) => {
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			return c.json(await campaignMessages(c.env.DB, row.id, c.req.valid("query")), 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/messages.csv",
			tags,
			summary: "The whole recipient log as CSV (same filters), streamed; formula-like cells are prefixed with '",
			request: { params: IdParamSchema, query: MessagesCsvQuerySchema },
			responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } } },
		}),
		async (c) => {
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			return c.body(campaignMessagesCsv(c.env.DB, row.id, c.req.valid("query")), 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": `attachment; filename="campaign-${row.id}-recipients.csv"`,
			});
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/timeline",
			tags,
			summary:
				"Opens and clicks over time (people and machines/bots apart), per minute in the first hours, then per hour or day",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(ReportTimelineSchema, "The chart's buckets") },
		}),
		async (c) => {
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			return c.json(await reportTimeline(c.env.DB, row.id), 200);
		},
	);
