import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { MeSchema, WorkspaceSchema } from "../contracts/auth";
import { PageQuerySchema, page } from "../contracts/common";
import { AuditEntrySchema, UpdateWorkspaceBodySchema } from "../contracts/workspace";
import { clientIp } from "../middleware/auth";
import { listAuditLog } from "../services/audit";
import { describeMe } from "../services/me";
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
			summary: "Update the workspace's name, postal address, default sender and send rate",
			description:
				"The default sender name is refused (400) with line breaks, control or text-direction characters. With a real email provider configured (RESEND_API_KEY), `default_from_email` must be on a verified sending domain of the workspace (422, see Sending domains); with the capture Outbox any domain is allowed.",
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
			summary: "Security-relevant actions in this workspace, newest first",
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(AuditEntrySchema), "A page of audit entries") },
		}),
		async (c) => c.json(await listAuditLog(c.var.db, c.var.principal.workspaceId, c.req.valid("query")), 200),
	);
