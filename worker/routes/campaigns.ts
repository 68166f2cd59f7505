import { OpenAPIHono, z } from "@hono/zod-openapi";
import { tokenSecret } from "../config";
import type { AppEnv } from "../context";
import { CampaignListQuerySchema } from "../contracts/campaign-list";
import {
	AudienceCountSchema,
	CampaignInputSchema,
	CampaignListItemSchema,
	CampaignPatchSchema,
	CampaignSchema,
	CommandResultSchema,
	ScheduleBodySchema,
} from "../contracts/campaigns";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import { signToken, verifyToken } from "../domain/tokens";
import { ApiError } from "../errors";
import { authorize, clientIp, isSameOrigin } from "../middleware/auth";
import { AUDIENCE_COUNT_LIMIT, assertAudienceCountAllowed } from "../services/audience";
import { runCommand, scheduleCommand } from "../services/campaign-commands";
import { withResults } from "../services/campaign-stats";
import {
	audienceCount,
	createCampaign,
	deleteCampaign,
	findCampaign,
	getCampaign,
	listCampaigns,
	updateCampaign,
} from "../services/campaigns";
import { auditChange } from "./audit-change";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Campaigns"];
const COMMANDS = ["send", "pause", "resume", "cancel"] as const;

const base = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Campaigns with status, progress and results (sent, opened, clicked), newest first",
			description: "Archived campaigns are left out unless `include_archived=true` or `status=archived`.",
			request: { query: CampaignListQuerySchema },
			responses: { 200: jsonResponse(page(CampaignListItemSchema), "A page of campaigns") },
		}),
		async (c) =>
			c.json(
				await withResults(c.env.DB, await listCampaigns(c.env.DB, c.var.principal.workspaceId, c.req.valid("query"))),
				200,
			),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Create a draft campaign (audience: a segment, or all subscribed contacts when absent)",
			request: { body: jsonBody(CampaignInputSchema) },
			responses: { 201: jsonResponse(CampaignSchema, "The draft") },
		}),
		async (c) => {
			const { schedule, ...input } = c.req.valid("json");
			const created = await createCampaign(c.env.DB, c.var.principal, input);
			await auditChange(c, "campaign.created", { type: "campaign", id: created.id });
			if (!schedule) return c.json(created, 201);
			const command = scheduleCommand(schedule);
			try {
				await runCommand(c.env, c.var.principal, created.id, command, c.req.url, clientIp(c));
			} catch (error) {
				// Creating with a schedule is one request: a refused schedule leaves no draft behind.
				await deleteCampaign(c.env.DB, c.var.principal, created.id);
				throw error;
			}
			return c.json(await getCampaign(c.env.DB, c.var.principal.workspaceId, created.id), 201);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "A campaign",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(CampaignSchema, "The campaign") },
		}),
		async (c) => c.json(await getCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Edit a draft or scheduled campaign (409 once sending has begun)",
			request: { params: IdParamSchema, body: jsonBody(CampaignPatchSchema) },
			responses: { 200: jsonResponse(CampaignSchema, "The campaign") },
		}),
		async (c) => {
			const { schedule, ...patch } = c.req.valid("json");
			const id = c.req.valid("param").id;
			const updated = await updateCampaign(c.env.DB, c.var.principal, id, patch);
			await auditChange(c, "campaign.updated", { type: "campaign", id });
			if (!schedule) return c.json(updated, 200);
			await runCommand(c.env, c.var.principal, id, scheduleCommand(schedule), c.req.url, clientIp(c));
			return c.json(await getCampaign(c.env.DB, c.var.principal.workspaceId, id), 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a draft, scheduled or cancelled campaign",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			const { id } = c.req.valid("param");
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, id);
			if (row.status === "scheduled")
				await runCommand(c.env, c.var.principal, id, { type: "cancel" }, c.req.url, clientIp(c));
			await deleteCampaign(c.env.DB, c.var.principal, id);
			await auditChange(c, "campaign.deleted", { type: "campaign", id });
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/{id}/schedule",
			tags,
			summary: "Schedule the campaign for a time in the future",
			request: { params: IdParamSchema, body: jsonBody(ScheduleBodySchema) },
			responses: { 200: jsonResponse(CommandResultSchema, "Scheduled") },
		}),
		async (c) => {
			const command = scheduleCommand(c.req.valid("json"));
			return c.json(
				await runCommand(c.env, c.var.principal, c.req.valid("param").id, command, c.req.url, clientIp(c)),
				200,
			);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/audience",
			tags,
			summary: "How many recipients a send would mail now (subscribed, not suppressed), as the send counts them",
			description: `At most ${AUDIENCE_COUNT_LIMIT.max} audience counts a minute per member or API key, shared with \`GET /audience\` (then 429 with \`retry-after\`).`,
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(AudienceCountSchema, "The count") },
		}),
		async (c) => {
			await assertAudienceCountAllowed(c.env.DB, c.var.principal);
			return c.json(await audienceCount(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200);
		},
	);

/** send, pause, resume and cancel share one shape: no body, the new status back. */
function withCommand<T extends typeof base>(app: T, command: (typeof COMMANDS)[number]) {
	return app.openapi(
		defineRoute("editor", {
			method: "post",
			path: `/{id}/${command}`,
			tags,
			summary: {
				send: "Start sending now",
				pause: "Pause: stops enqueuing within a second",
				resume: "Resume where it stopped",
				cancel: "Cancel: nothing more is sent",
			}[command],
			request: { params: IdParamSchema },
			responses: { 202: jsonResponse(CommandResultSchema, "The new status") },
		}),
		async (c) =>
			c.json(
				await runCommand(c.env, c.var.principal, c.req.valid("param").id, { type: command }, c.req.url, clientIp(c)),
				202,
			),
	);
}

export const campaignRoutes = withCommand(
	withCommand(withCommand(withCommand(base, "send"), "pause"), "resume"),
	"cancel",
)
	.openapi(
		defineRoute("read", {
			method: "post",
			path: "/{id}/live-token",
			tags,
			summary: "A 60-second pass for GET /{id}/live?token= (for clients that cannot send cookies or headers)",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(z.object({ token: z.string(), expires_at: z.string() }), "The pass") },
		}),
		async (c) => {
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			const expires = Date.now() + 60_000;
			const token = await signToken(tokenSecret(c.env), { k: "l", m: row.id, w: row.workspaceId, e: expires });
			return c.json({ token, expires_at: new Date(expires).toISOString() }, 200);
		},
	)
	// The live socket: a snapshot, then stats/status/event messages (worker/contracts/live.ts).
	.get(
		"/:id/live",
		async (c, next) => {
			if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
				throw new ApiError("bad_request", "Connect with a WebSocket");
			const pass = c.req.query("token");
			if (!pass) return authorize("viewer")(c, next);
			const payload = await verifyToken(tokenSecret(c.env), pass);
			if (payload?.k !== "l" || payload.m !== c.req.param("id") || payload.e < Date.now()) {
				throw new ApiError("unauthorized", "The live token is invalid or expired");
			}
			return openLive(c.env, payload.m);
		},
		async (c) => {
			// Browsers send cookies with cross-site WebSocket handshakes; only our own pages may open one.
			if (c.var.principal.kind === "session" && !isSameOrigin(c)) {
				throw new ApiError("csrf_failed", "This socket was not opened by the Pulse dashboard");
			}
			const row = await findCampaign(c.env.DB, c.var.principal.workspaceId, c.req.param("id"));
			return openLive(c.env, row.id);
		},
	);

function openLive(env: Env, campaignId: string) {
	const url = `https://campaign.internal/live?campaign=${encodeURIComponent(campaignId)}`;
	return env.CAMPAIGN.getByName(campaignId).fetch(new Request(url, { headers: { upgrade: "websocket" } }));
}
