import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { AuditQuerySchema } from "../contracts/audit";
import { MeSchema, WorkspaceSchema } from "../contracts/auth";
import { ErrorBodySchema, page } from "../contracts/common";
import { ConnectProviderBodySchema, ProviderStatusSchema } from "../contracts/provider";
import { AuditEntrySchema, UpdateWorkspaceBodySchema } from "../contracts/workspace";
import { clientIp } from "../middleware/auth";
import { auditLogCsv, auditLogPage } from "../services/audit-log";
import { describeMe } from "../services/me";
import { connectProvider, disconnectProvider, providerStatus } from "../services/provider-key";
import { senderPolicy } from "../services/sending-domains";
import { updateWorkspace } from "../services/workspace";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Workspace"];

export const workspaceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/me",
			tags,
			summary: "The caller: user (null for API keys), current workspace and role",
			responses: { 200: jsonResponse(MeSchema, "The caller") },
		}),
		async (c) => c.json(await describeMe(c.var.db, c.var.principal), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "patch",
			path: "/workspace",
			tags,
			summary: "Update the workspace's name, postal address, default sender, send rate and sending rules",
			description:
				"The default sender name is refused (400) with line breaks, control or text-direction characters. With a real email provider configured (RESEND_API_KEY), `default_from_email` must be on a verified sending domain of the workspace (422, see Sending domains); with the capture Outbox any domain is allowed. `timezone` must be an IANA zone, `frequency_cap.per` an ISO-8601 duration (PT1S to P1Y) and quiet hours must not start and end at the same time (400 naming the field).",
			request: { body: jsonBody(UpdateWorkspaceBodySchema) },
			responses: { 200: jsonResponse(WorkspaceSchema, "The updated workspace") },
		}),
		async (c) =>
			c.json(
				await updateWorkspace(c.var.db, c.var.principal, c.req.valid("json"), clientIp(c), senderPolicy(c.env)),
				200,
			),
	)
	.openapi(
		defineRoute("admin", {
			method: "get",
			path: "/audit-log",
			tags,
			summary: "What was done in this workspace, newest first: filters by actor, action, object and time; CSV",
			request: { query: AuditQuerySchema },
			responses: {
				200: {
					description: "A page of audit entries (with the retention setting), or every match as CSV",
					content: {
						"application/json": {
							schema: page(AuditEntrySchema).extend({ retention_days: z.number().int().nullable() }),
						},
						"text/csv": { schema: z.string() },
					},
				},
			},
		}),
		async (c) => {
			const query = c.req.valid("query");
			const workspaceId = c.var.principal.workspaceId;
			if (query.format === "csv" || (!query.format && /text\/csv/.test(c.req.header("accept") ?? "")))
				return c.body(auditLogCsv(c.var.db, workspaceId, query), 200, {
					"content-type": "text/csv; charset=utf-8",
					"content-disposition": `attachment; filename="audit-log-${workspaceId}.csv"`,
				});
			return c.json(await auditLogPage(c.var.db, workspaceId, query), 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/workspace/provider",
			tags,
			summary: "Whether an email provider is connected (and whose key it is); never the key",
			description:
				"`connected: false` means test mode: every email (campaigns, tests, invitations) goes to the Outbox and nothing leaves the machine.",
			responses: { 200: jsonResponse(ProviderStatusSchema, "The provider in use") },
		}),
		async (c) => c.json(await providerStatus(c.env, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("owner", {
			method: "put",
			path: "/workspace/provider",
			tags,
			summary: "Connect this workspace's own Resend account with an API key (stored encrypted, never shown again)",
			description:
				"The key is checked with Resend first (422 `provider_key_invalid` if Resend refuses it). From then on this workspace's campaigns, tests and invitations are sent with it, and its sending domains are read from that Resend account. It wins over the operator's RESEND_API_KEY.",
			request: { body: jsonBody(ConnectProviderBodySchema) },
			responses: {
				200: jsonResponse(ProviderStatusSchema, "Connected"),
				422: jsonResponse(ErrorBodySchema, "Resend refused the key (`provider_key_invalid`)"),
				503: jsonResponse(ErrorBodySchema, "Resend did not answer"),
			},
		}),
		async (c) =>
			c.json(await connectProvider(c.env, c.var.principal, c.req.valid("json").resend_api_key, clientIp(c)), 200),
	)
	.openapi(
		defineRoute("owner", {
			method: "delete",
			path: "/workspace/provider",
			tags,
			summary: "Disconnect the workspace's own Resend key (the stored key is deleted)",
			responses: { 200: jsonResponse(ProviderStatusSchema, "What the workspace sends with now") },
		}),
		async (c) => c.json(await disconnectProvider(c.env, c.var.principal, clientIp(c)), 200),
	);
