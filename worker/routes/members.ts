import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import { InviteMemberBodySchema, MemberSchema, UpdateMemberBodySchema } from "../contracts/workspace";
import { clientIp } from "../middleware/auth";
import { emailInvitation } from "../services/invitation-email";
import { changeMemberRole, inviteMember, listMembers, removeMember } from "../services/members";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Members"];

export const memberRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Members and pending invitations",
			responses: { 200: jsonResponse(page(MemberSchema), "All members (one page)") },
		}),
		async (c) => c.json({ data: await listMembers(c.var.db, c.var.principal.workspaceId), next_cursor: null }, 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/",
			tags,
			summary:
				"Invite someone by email with a role: the link is emailed to them (`invite_email`) and answered as invite_url",
			request: { body: jsonBody(InviteMemberBodySchema) },
			responses: { 201: jsonResponse(MemberSchema, "The pending invitation, with its link") },
		}),
		async (c) => {
			const origin = c.env.APP_URL || new URL(c.req.url).origin;
			const invited = await inviteMember(c.var.db, c.var.principal, c.req.valid("json"), origin, clientIp(c));
			const url = invited.invite_url ?? "";
			const email = await emailInvitation(c.env, c.var.principal, { ...invited, url });
			return c.json({ ...invited, invite_email: email }, 201);
		},
	)
	.openapi(
		defineRoute("admin", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Change a member's (or invitation's) role; only owners manage owners",
			request: { params: IdParamSchema, body: jsonBody(UpdateMemberBodySchema) },
			responses: { 200: jsonResponse(MemberSchema, "The member") },
		}),
		async (c) => {
			const { id } = c.req.valid("param");
			return c.json(await changeMemberRole(c.var.db, c.var.principal, id, c.req.valid("json").role, clientIp(c)), 200);
		},
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Remove a member or cancel an invitation; admins cannot remove owners",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Removed") },
		}),
		async (c) => {
			await removeMember(c.var.db, c.var.principal, c.req.valid("param").id, clientIp(c));
			return c.json({ ok: true as const }, 200);
		},
	);
