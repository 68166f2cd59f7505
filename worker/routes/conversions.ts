import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema } from "../contracts/common";
import {
	CampaignConversionsSchema,
	ConversionGoalAnswerSchema,
	ConversionGoalInputSchema,
	ConversionSummaryQuerySchema,
	ConversionSummarySchema,
	ConversionsQuerySchema,
} from "../contracts/conversions";
import { clientIp } from "../middleware/auth";
import { campaignConversions, conversionSummary, getGoal, putGoal, removeGoal } from "../services/conversions";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Conversions"];

/** The workspace's conversion goal and what email earned by it (mounted at /api/v1). */
export const conversionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/conversion-goal",
			tags,
			summary: "The workspace's conversion goal (null when none is set)",
			responses: { 200: jsonResponse(ConversionGoalAnswerSchema, "The goal") },
		}),
		async (c) => c.json(await getGoal(c.env.DB, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "put",
			path: "/conversion-goal",
			tags,
			summary: "Sets the conversion goal: the event that counts, its revenue property, the window and the model",
			request: { body: jsonBody(ConversionGoalInputSchema) },
			responses: { 200: jsonResponse(ConversionGoalAnswerSchema, "The goal as stored") },
		}),
		async (c) => c.json(await putGoal(c.env.DB, { actor: c.var.principal, ip: clientIp(c) }, c.req.valid("json")), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/conversion-goal",
			tags,
			summary: "Removes the conversion goal; reports stop showing conversions",
			responses: { 200: jsonResponse(OkSchema, "Removed") },
		}),
		async (c) => {
			await removeGoal(c.env.DB, { actor: c.var.principal, ip: clientIp(c) });
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/campaigns/{id}/conversions",
			tags,
			summary: "Conversions, conversion rate, revenue and revenue per recipient credited to a campaign",
			request: { params: IdParamSchema, query: ConversionsQuerySchema },
			responses: { 200: jsonResponse(CampaignConversionsSchema, "The campaign's conversions") },
		}),
		async (c) =>
			c.json(
				await campaignConversions(
					c.env.DB,
					c.var.principal.workspaceId,
					c.req.valid("param").id,
					c.req.valid("query").model,
				),
				200,
			),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/conversions",
			tags,
			summary: "Conversions and revenue credited to email over the last days, per campaign",
			request: { query: ConversionSummaryQuerySchema },
			responses: { 200: jsonResponse(ConversionSummarySchema, "What email earned") },
		}),
		async (c) => {
			const { days, model } = c.req.valid("query");
			return c.json(await conversionSummary(c.env.DB, c.var.principal.workspaceId, days, model), 200);
		},
	);
