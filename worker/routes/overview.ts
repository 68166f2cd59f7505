import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { OverviewSchema } from "../contracts/overview";
import { workspaceOverview } from "../services/overview";
import { defineRoute, jsonResponse } from "./define";
import { validationHook } from "./validation";

export const overviewRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
	defineRoute("viewer", {
		method: "get",
		path: "/",
		tags: ["Workspace"],
		summary:
			"The workspace at a glance: audience growth, the last 30 days' sends and rates, live campaigns, setup checklist",
		description:
			"Rates are shares (0..1) of the emails sent in the last 30 days that a person opened or clicked (machine opens and bot clicks never count); null without sends. The checklist reflects what the workspace holds: contacts, a template, a sent campaign, more than one member or a pending invitation, an API key or a received event, and (with a Resend key) a verified sending domain.",
		responses: { 200: jsonResponse(OverviewSchema, "The overview") },
	}),
	async (c) =>
		c.json(
			await workspaceOverview(c.env.DB, c.var.principal.workspaceId, { withDomains: Boolean(c.env.RESEND_API_KEY) }),
			200,
		),
);
