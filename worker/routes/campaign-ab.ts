import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { AbResultsSchema, PickWinnerSchema } from "../contracts/ab";
import { IdParamSchema } from "../contracts/common";
import { clientIp } from "../middleware/auth";
import { abResults } from "../services/ab-results";
import { pickAbWinner } from "../services/ab-winner";
import { findCampaign } from "../services/campaigns";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Campaigns"];

/** A campaign's A/B test: the results per arm, and a person's pick of the winner. */
export const campaignAbRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/ab",
			tags,
			summary:
				"The A/B test: its phase, each arm's numbers (people only) with its always-valid interval and p-value, and the winner once known; while a person has to pick, the suggested winner from the counts now (404 for a campaign without a test)",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(AbResultsSchema, "The test's results") },
		}),
		async (c) => {
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			return c.json(await abResults(c.env, row.id), 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/{id}/ab/winner",
			tags,
			summary:
				"Pick the A/B test's winner now (audited): the rest of the audience receives it (409 unless the test is running or deciding, 422 for a variant not in the test)",
			request: { params: IdParamSchema, body: jsonBody(PickWinnerSchema) },
			responses: { 200: jsonResponse(AbResultsSchema, "The test's results with the winner") },
		}),
		async (c) => {
			const { id } = c.req.valid("param");
			await pickAbWinner(c.env, c.var.principal, id, c.req.valid("json").variant_id, clientIp(c));
			return c.json(await abResults(c.env, id), 200);
		},
	);
