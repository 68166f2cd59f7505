import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import {
	DeliveryParamSchema,
	RotateSecretSchema,
	WebhookDeliverySchema,
	WebhookEndpointInputSchema,
	WebhookEndpointPatchSchema,
	WebhookEndpointSchema,
	WebhookEndpointWithSecretSchema,
} from "../contracts/webhook-endpoints";
import { clientIp } from "../middleware/auth";
import { listDeliveries, replayDelivery } from "../services/webhook-deliveries";
import {
	createEndpoint,
	deleteEndpoint,
	listEndpoints,
	rotateSecret,
	updateEndpoint,
} from "../services/webhook-endpoints";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Webhook endpoints"];

const ABOUT =
	"Pulse POSTs each subscribed event as `{type, timestamp, data}`, signed per Standard Webhooks: `webhook-id` (the delivery's id, the same on every retry and replay), `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of \"id.timestamp.body\">` keyed with the secret's base64 part. A non-2xx answer, a redirect or no answer within 10 s is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then the delivery is `failed`; an endpoint failing for a whole day is turned off. URLs must be https (http://127.0.0.1 or localhost only while Pulse runs locally) and never a private, loopback or link-local address.";

export const webhookEndpointRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "The workspace's webhook endpoints (their secrets are never shown again)",
			description: ABOUT,
			responses: { 200: jsonResponse(page(WebhookEndpointSchema), "All endpoints (one page)") },
		}),
		async (c) => c.json(await listEndpoints(c.var.db, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/",
			tags,
			summary: "Add an endpoint for some event types; its signing secret is in this answer only",
			description: ABOUT,
			request: { body: jsonBody(WebhookEndpointInputSchema) },
			responses: { 201: jsonResponse(WebhookEndpointWithSecretSchema, "The endpoint, with its secret") },
		}),
		async (c) =>
			c.json(await createEndpoint(c.env, c.var.db, c.var.principal, c.req.valid("json"), c.req.url, clientIp(c)), 201),
	)
	.openapi(
		defineRoute("admin", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Change an endpoint's URL or events, or turn it off and on",
			request: { params: IdParamSchema, body: jsonBody(WebhookEndpointPatchSchema) },
			responses: { 200: jsonResponse(WebhookEndpointSchema, "The endpoint") },
		}),
		async (c) =>
			c.json(
				await updateEndpoint(
					c.env,
					c.var.db,
					c.var.principal,
					c.req.valid("param").id,
					c.req.valid("json"),
					c.req.url,
					clientIp(c),
				),
				200,
			),
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete an endpoint and its delivery log",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteEndpoint(c.var.db, c.var.principal, c.req.valid("param").id, clientIp(c));
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/{id}/rotate-secret",
			tags,
			summary: "A new signing secret (in this answer only); the previous one also signs during the overlap",
			request: { params: IdParamSchema, body: jsonBody(RotateSecretSchema) },
			responses: { 200: jsonResponse(WebhookEndpointWithSecretSchema, "The endpoint, with its new secret") },
		}),
		async (c) =>
			c.json(
				await rotateSecret(
					c.env,
					c.var.db,
					c.var.principal,
					c.req.valid("param").id,
					c.req.valid("json").overlap_hours,
					clientIp(c),
				),
				200,
			),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/deliveries",
			tags,
			summary: "The endpoint's deliveries, newest first, each attempt with its status code and duration",
			request: { params: IdParamSchema, query: PageQuerySchema },
			responses: { 200: jsonResponse(page(WebhookDeliverySchema), "A page of deliveries") },
		}),
		async (c) =>
			c.json(
				await listDeliveries(c.var.db, c.var.principal.workspaceId, c.req.valid("param").id, c.req.valid("query")),
				200,
			),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/{id}/deliveries/{delivery_id}/replay",
			tags,
			summary: "Send a delivery again, with the same webhook-id and a fresh schedule of retries",
			request: { params: DeliveryParamSchema },
			responses: { 202: jsonResponse(WebhookDeliverySchema, "Queued again") },
		}),
		async (c) => {
			const { id, delivery_id } = c.req.valid("param");
			return c.json(await replayDelivery(c.env, c.var.db, c.var.principal, id, delivery_id, clientIp(c)), 202);
		},
	);
