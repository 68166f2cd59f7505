import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import {
	AcceptInviteBodySchema,
	LoginBodySchema,
	SessionResultSchema,
	SignupBodySchema,
	SwitchWorkspaceBodySchema,
} from "../contracts/auth";
import { OkSchema } from "../contracts/common";
import { ApiError } from "../errors";
import { clientIp } from "../middleware/auth";
import { acceptInvitation, login, signup, workspacesOf } from "../services/accounts";
import { recordAudit } from "../services/audit";
import { presentUser, presentWorkspace } from "../services/presenters";
import { revokeSession, switchSessionWorkspace } from "../services/sessions";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { clearSessionCookie, startSession } from "./session-cookie";
import { validationHook } from "./validation";

const tags = ["Auth"];

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("public", {
			method: "post",
			path: "/signup",
			tags,
			summary: "Create an account and its workspace (or join one with an invitation)",
			request: { body: jsonBody(SignupBodySchema) },
			responses: { 201: jsonResponse(SessionResultSchema, "Signed up and signed in") },
		}),
		async (c) => {
			const { user, workspace, role } = await signup(c.var.db, c.req.valid("json"), clientIp(c));
			await startSession(c, user.id, workspace.id);
			return c.json({ user: presentUser(user), workspace: presentWorkspace(workspace), role }, 201);
		},
	)
	.openapi(
		defineRoute("public", {
			method: "post",
			path: "/login",
			tags,
			summary: "Sign in with email and password",
			request: { body: jsonBody(LoginBodySchema) },
			responses: { 200: jsonResponse(SessionResultSchema, "Signed in") },
		}),
		async (c) => {
			const { user, workspace, role } = await login(c.var.db, c.req.valid("json"), clientIp(c));
			await startSession(c, user.id, workspace.id);
			return c.json({ user: presentUser(user), workspace: presentWorkspace(workspace), role }, 200);
		},
	)
	.openapi(
		defineRoute("self", {
			method: "post",
			path: "/logout",
			tags,
			summary: "Sign out: revokes the session and clears its cookie",
			responses: { 200: jsonResponse(OkSchema, "Signed out") },
		}),
		async (c) => {
			const principal = c.var.principal;
			if (principal.kind !== "session") throw new ApiError("bad_request", "API keys have no session to end");
			await revokeSession(c.var.db, principal.sessionId);
			await recordAudit(c.var.db, {
				workspaceId: principal.workspaceId,
				action: "auth.logout",
				actor: principal,
				ip: clientIp(c),
			});
			clearSessionCookie(c);
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("self", {
			method: "post",
			path: "/accept-invite",
			tags,
			summary: "Join the workspace of an invitation sent to your email",
			request: { body: jsonBody(AcceptInviteBodySchema) },
			responses: { 200: jsonResponse(OkSchema, "Joined; the session now acts in that workspace") },
		}),
		async (c) => {
			const principal = c.var.principal;
			if (principal.kind !== "session") throw new ApiError("bad_request", "Sign in to accept an invitation");
			const workspaceId = await acceptInvitation(c.var.db, principal.userId, c.req.valid("json").token, clientIp(c));
			await switchSessionWorkspace(c.var.db, principal.sessionId, workspaceId);
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("self", {
			method: "post",
			path: "/switch-workspace",
			tags,
			summary: "Act in another workspace you are a member of",
			request: { body: jsonBody(SwitchWorkspaceBodySchema) },
			responses: { 200: jsonResponse(OkSchema, "Switched") },
		}),
		async (c) => {
			const principal = c.var.principal;
			if (principal.kind !== "session") throw new ApiError("bad_request", "API keys belong to one workspace");
			const { workspace_id } = c.req.valid("json");
			const mine = await workspacesOf(c.var.db, principal.userId);
			if (!mine.some((w) => w.id === workspace_id)) throw new ApiError("not_found", "Workspace not found");
			await switchSessionWorkspace(c.var.db, principal.sessionId, workspace_id);
			return c.json({ ok: true as const }, 200);
		},
	);
