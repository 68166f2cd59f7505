import { z } from "@hono/zod-openapi";

export const SHOPIFY_TOPICS = ["customers/create", "orders/create"] as const;

export const ShopifyConnectionInputSchema = z
	.object({
		shop_domain: z
			.string()
			.trim()
			.toLowerCase()
			.regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "The store's myshopify.com domain, e.g. acme.myshopify.com")
			.openapi({ example: "acme.myshopify.com" }),
		webhook_secret: z.string().trim().min(8).max(200).openapi({
			description:
				"The key Shopify signs the store's webhooks with (Settings → Notifications → Webhooks, or the app's client secret)",
			example: "shpss_0123456789abcdef",
		}),
	})
	.strict()
	.openapi("ShopifyConnectionInput");

export const ShopifyConnectionSchema = z
	.object({
		id: z.string(),
		shop_domain: z.string(),
		webhook_url: z.string().openapi({ description: "Point the store's webhooks (JSON) here" }),
		topics: z.array(z.enum(SHOPIFY_TOPICS)),
		created_at: z.string(),
	})
	.openapi("ShopifyConnection");
export type ShopifyConnection = z.infer<typeof ShopifyConnectionSchema>;
