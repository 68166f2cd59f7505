import { OpenAPIHono, type z } from "@hono/zod-openapi";
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
import {
	cloneCampaign,
	cloneJourney,
	cloneSegment,
	cloneTemplate,
	saveCampaignAsTemplate,
	type Write,
} from "../services/clone";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

/** `POST /<resource>/{id}/<verb>` for editors: the body as `body`, 201 with `result`. */
const copyRoute = <P extends string, B extends z.ZodType, R extends z.ZodType>(
	path: P,
	tag: string,
	summary: string,
	body: B,
	result: R,
	description: string,
) =>
	defineRoute("editor", {
		method: "post",
		path,
		tags: [tag],
		summary,
		request: { params: IdParamSchema, body: jsonBody(body) },
		responses: { 201: jsonResponse(result, description) },
	});

type CopyContext<B, P extends string> = Context<AppEnv, P, { out: { param: { id: string }; json: B } }>;

/** The handler shared by every copy route: the caller and its address, the source id, the body; 201 with the copy. */
const copyWith =
	<B, T>(copy: (c: Context<AppEnv>, write: Write, id: string, body: B) => Promise<T>) =>
	async <P extends string>(c: CopyContext<B, P>) =>
		c.json(
			await copy(c, { actor: c.var.principal, ip: clientIp(c) }, c.req.valid("param").id, c.req.valid("json")),
			201,
		);

/** Copies: campaigns (choosing audience, content, schedule), journeys, templates and segments; "save as template". */
export const cloneRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		copyRoute(
			"/campaigns/{id}/clone",
			"Campaigns",
			"A new draft from a campaign, with its audience, content and schedule as chosen",
			CampaignCloneBodySchema,
			CampaignSchema,
			"The new draft",
		),
		copyWith((c, write, id, body: z.infer<typeof CampaignCloneBodySchema>) => cloneCampaign(c.env.DB, write, id, body)),
	)
	.openapi(
		copyRoute(
			"/campaigns/{id}/save-as-template",
			"Campaigns",
			"Save the campaign's email as a new template of the library",
			SaveAsTemplateBodySchema,
			TemplateSchema,
			"The new template",
		),
		copyWith((c, write, id, body: z.infer<typeof SaveAsTemplateBodySchema>) =>
			saveCampaignAsTemplate(c.env.DB, write, id, body),
		),
	)
	.openapi(
		copyRoute(
			"/templates/{id}/clone",
			"Templates",
			"A copy of a template (same category, not archived)",
			CloneBodySchema,
			TemplateSchema,
			"The copy",
		),
		copyWith((c, write, id, body: z.infer<typeof CloneBodySchema>) => cloneTemplate(c.env.DB, write, id, body)),
	)
	.openapi(
		copyRoute(
			"/segments/{id}/clone",
			"Segments",
			"A copy of a segment's rules under a new name",
			CloneBodySchema,
			SegmentSchema,
			"The copy",
		),
		copyWith((c, write, id, body: z.infer<typeof CloneBodySchema>) => cloneSegment(c.env.DB, write, id, body)),
	)
	.openapi(
		copyRoute(
			"/journeys/{id}/clone",
			"Journeys",
			"A new draft journey with the current definition",
			CloneBodySchema,
			JourneySchema,
			"The new draft",
		),
		copyWith((c, write, id, body: z.infer<typeof CloneBodySchema>) =>
			cloneJourney(c.var.db, { ...write, local: servedLocally(c.env, c.req.url) }, id, body),
		),
	);
