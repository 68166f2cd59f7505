import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { servedLocally } from "../config";
import type { AppEnv } from "../context";
import { CampaignSchema } from "../contracts/campaigns";
import { CampaignCloneBodySchema, CloneBodySchema, SaveAsTemplateBodySchema } from "../contracts/clone";
import { IdParamSchema } from "../contracts/common";
import { JourneySchema } from "../contracts/journeys";
import { SegmentSchema } from "../contracts/segment-api";
import { TemplateSchema } from "../contracts/templates";
import { clientIp } from "../middleware/auth";
import { cloneCampaign, cloneJourney, cloneSegment, cloneTemplate, saveCampaignAsTemplate } from "../services/clone";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const write = (c: Context<AppEnv>) => ({ actor: c.var.principal, ip: clientIp(c) });

/** Copies: campaigns (choosing audience, content, schedule), journeys, templates and segments; "save as template". */
export const cloneRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/campaigns/{id}/clone",
			tags: ["Campaigns"],
			summary: "A new draft from a campaign, with its audience, content and schedule as chosen",
			request: { params: IdParamSchema, body: jsonBody(CampaignCloneBodySchema) },
			responses: { 201: jsonResponse(CampaignSchema, "The new draft") },
		}),
		async (c) => c.json(await cloneCampaign(c.env.DB, write(c), c.req.valid("param").id, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/campaigns/{id}/save-as-template",
			tags: ["Campaigns"],
			summary: "Save the campaign's email as a new template of the library",
			request: { params: IdParamSchema, body: jsonBody(SaveAsTemplateBodySchema) },
			responses: { 201: jsonResponse(TemplateSchema, "The new template") },
		}),
		async (c) =>
			c.json(await saveCampaignAsTemplate(c.env.DB, write(c), c.req.valid("param").id, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/templates/{id}/clone",
			tags: ["Templates"],
			summary: "A copy of a template (same category, not archived)",
			request: { params: IdParamSchema, body: jsonBody(CloneBodySchema) },
			responses: { 201: jsonResponse(TemplateSchema, "The copy") },
		}),
		async (c) => c.json(await cloneTemplate(c.env.DB, write(c), c.req.valid("param").id, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/segments/{id}/clone",
			tags: ["Segments"],
			summary: "A copy of a segment's rules under a new name",
			request: { params: IdParamSchema, body: jsonBody(CloneBodySchema) },
			responses: { 201: jsonResponse(SegmentSchema, "The copy") },
		}),
		async (c) => c.json(await cloneSegment(c.env.DB, write(c), c.req.valid("param").id, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/journeys/{id}/clone",
			tags: ["Journeys"],
			summary: "A new draft journey with the current definition",
			request: { params: IdParamSchema, body: jsonBody(CloneBodySchema) },
			responses: { 201: jsonResponse(JourneySchema, "The new draft") },
		}),
		async (c) => {
			const caller = { ...write(c), local: servedLocally(c.env, c.req.url) };
			return c.json(await cloneJourney(c.var.db, caller, c.req.valid("param").id, c.req.valid("json")), 201);
		},
	);
