import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { ErrorBodySchema, OkSchema } from "../contracts/common";
import {
	AddSendingDomainBodySchema,
	SendingDomainIdParamSchema,
	SendingDomainListSchema,
	SendingDomainSchema,
} from "../contracts/sender";
import { clientIp } from "../middleware/auth";
import {
	addSendingDomain,
	listSendingDomains,
	removeSendingDomain,
	verifySendingDomain,
} from "../services/sending-domains";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Sending domains"];

const ENFORCEMENT =
	"With a real email provider configured (RESEND_API_KEY), a From address (workspace default, campaign sender, test sends, schedule and send) must use exactly one of the workspace's verified domains, or one the operator lists in SENDING_DOMAINS; subdomains are added on their own. Without a provider, Pulse sends to the capture Outbox, nothing leaves the machine, and any domain is allowed.";

export const sendingDomainRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "The domains this workspace may send from, with their DNS records and verification state",
			description: ENFORCEMENT,
			responses: { 200: jsonResponse(SendingDomainListSchema, "The workspace's sending domains") },
		}),
		async (c) => c.json(await listSendingDomains(c.env, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/",
			tags,
			summary: "Add a sending domain: registered with the provider, which answers the DNS records to publish",
			description: `${ENFORCEMENT}\n\nA domain belongs to one workspace: 409 \`conflict\` when another workspace holds it.`,
			request: { body: jsonBody(AddSendingDomainBodySchema) },
			responses: {
				201: jsonResponse(SendingDomainSchema, "The domain, pending until its DNS records are verified"),
				422: jsonResponse(ErrorBodySchema, "The email provider refused the domain"),
				503: jsonResponse(ErrorBodySchema, "The email provider did not answer"),
			},
		}),
		async (c) => c.json(await addSendingDomain(c.env, c.var.principal, c.req.valid("json").domain, clientIp(c)), 201),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/{id}/verify",
			tags,
			summary: "Ask the provider to check the domain's DNS records now; answers the new status",
			request: { params: SendingDomainIdParamSchema },
			responses: {
				200: jsonResponse(SendingDomainSchema, "The domain with its current status"),
				503: jsonResponse(ErrorBodySchema, "No email provider is configured, or it did not answer"),
			},
		}),
		async (c) => c.json(await verifySendingDomain(c.env, c.var.principal, c.req.valid("param").id, clientIp(c)), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Remove a sending domain (also from the provider); From addresses on it are refused from now on",
			request: { params: SendingDomainIdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Removed") },
		}),
		async (c) => {
			await removeSendingDomain(c.env, c.var.principal, c.req.valid("param").id, clientIp(c));
			return c.json({ ok: true as const }, 200);
		},
	);
