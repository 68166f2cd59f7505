import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { AudienceQuerySchema, AudienceSizeSchema } from "../contracts/audience";
import { AUDIENCE_COUNT_LIMIT, assertAudienceCountAllowed, audienceSize } from "../services/audience";
import { defineRoute, jsonResponse } from "./define";
import { validationHook } from "./validation";

/** The audience of a campaign not saved yet (a saved one: GET /campaigns/{id}/audience). */
export const audienceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
	defineRoute("viewer", {
		method: "get",
		path: "/",
		tags: ["Campaigns"],
		summary:
			"How many contacts a send to a segment (or to all subscribed contacts) reaches, and how many it would mail now",
		description: `At most ${AUDIENCE_COUNT_LIMIT.max} audience counts a minute per member or API key, shared with \`GET /campaigns/{id}/audience\` (then 429 with \`retry-after\`).`,
		request: { query: AudienceQuerySchema },
		responses: { 200: jsonResponse(AudienceSizeSchema, "The counts") },
	}),
	async (c) => {
		await assertAudienceCountAllowed(c.env.DB, c.var.principal);
		const { segment_id, topic_id } = c.req.valid("query");
		return c.json(await audienceSize(c.env.DB, c.var.principal.workspaceId, segment_id ?? null, topic_id ?? null), 200);
	},
);
