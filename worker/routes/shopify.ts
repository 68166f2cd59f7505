import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import { ShopifyConnectionInputSchema, ShopifyConnectionSchema } from "../contracts/shopify";
import { clientIp } from "../middleware/auth";
import { connectShopify, disconnectShopify, handleShopifyWebhook, listConnections } from "../services/shopify";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Integrations"];
const ABOUT =
	"Connect a Shopify store: create the connection with the store's webhook signing secret, then add two webhooks (JSON) in the store pointing at `webhook_url`: `customers/create` (a contact, subscribed only when the customer accepts email marketing) and `orders/create` (a `purchase` event with `revenue`, `currency` and `items`, once per order). Each webhook's `X-Shopify-Hmac-Sha256` is verified, and each delivery (`X-Shopify-Webhook-Id`) applied once; an acceptance older than the contact's latest unsubscribe in Pulse subscribes no one.";

/** `/api/v1/integrations/shopify`: connect, list and disconnect stores (admins manage, every member reads). */
export const shopifyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Connected Shopify stores, with the URL their webhooks go to",
			description: ABOUT,
			responses: { 200: jsonResponse(page(ShopifyConnectionSchema), "All connections (one page)") },
		}),
		async (c) =>
			c.json(await listConnections({ env: c.env, db: c.var.db, actor: c.var.principal, requestUrl: c.req.url }), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/",
			tags,
			summary: "Connect a Shopify store (its webhook signing secret is stored encrypted)",
			description: ABOUT,
			request: { body: jsonBody(ShopifyConnectionInputSchema) },
			responses: { 201: jsonResponse(ShopifyConnectionSchema, "The connection, with its webhook URL") },
		}),
		async (c) => {
			const caller = { env: c.env, db: c.var.db, actor: c.var.principal, requestUrl: c.req.url, ip: clientIp(c) };
			return c.json(await connectShopify(caller, c.req.valid("json")), 201);
		},
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Disconnect a Shopify store (its webhooks are refused from then on)",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Disconnected") },
		}),
		async (c) => {
			const caller = { env: c.env, db: c.var.db, actor: c.var.principal, requestUrl: c.req.url, ip: clientIp(c) };
			await disconnectShopify(caller, c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	);

/** `POST /webhooks/shopify/:id`: a connected store's webhook (HMAC-verified; no other auth). */
export const shopifyWebhookRoutes = new Hono<AppEnv>().post("/:id", async (c) => {
	const result = await handleShopifyWebhook(c.env, c.req.param("id"), {
		topic: c.req.header("x-shopify-topic") ?? null,
		hmac: c.req.header("x-shopify-hmac-sha256") ?? null,
		webhookId: c.req.header("x-shopify-webhook-id") ?? null,
		body: await c.req.text(),
	});
	return c.json({ ok: true, ...result });
});
