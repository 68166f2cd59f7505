import { describe, expect, it } from "vitest";
import { verifyShopifyHmac } from "../webhooks/shopify-hmac";
import { contactFromCustomer, purchaseFromOrder } from "./shopify-map";

// Shaped like the examples in Shopify's webhook reference (orders/create, customers/create).
const ORDER = {
	id: 820982911946154500,
	email: "jon@example.com",
	created_at: "2021-12-31T19:00:00-05:00",
	currency: "USD",
	total_price: "403.00",
	order_number: 1234,
	line_items: [
		{
			id: 866550311766439000,
			product_id: 632910392,
			sku: "IPOD2008BLACK",
			title: "IPod Nano - 8GB",
			quantity: 1,
			price: "199.00",
		},
		{ id: 141249953214522980, product_id: null, sku: "", title: "Gift wrap", quantity: 2, price: "102.00" },
	],
	customer: {
		id: 115310627314723950,
		email: "john@example.com",
		accepts_marketing: false,
		first_name: "John",
		last_name: "Smith",
	},
};

describe("Shopify webhooks as Pulse data", () => {
	it("an order is a purchase with revenue, currency and items, once per order", () => {
		expect(purchaseFromOrder(ORDER)).toEqual({
			email: "jon@example.com",
			name: "purchase",
			occurred_at: "2022-01-01T00:00:00.000Z",
			idempotency_key: "shopify:order:820982911946154500",
			properties: {
				order_id: "820982911946154500",
				order_number: 1234,
				revenue: 403,
				currency: "USD",
				items: [
					{ product_id: "632910392", sku: "IPOD2008BLACK", title: "IPod Nano - 8GB", quantity: 1, price: 199 },
					{ product_id: null, sku: null, title: "Gift wrap", quantity: 2, price: 102 },
				],
			},
		});
		expect(purchaseFromOrder({ ...ORDER, email: null, customer: {} })).toBeNull();
	});

	it("a customer is subscribed only when they accept email marketing (new and old fields)", () => {
		expect(contactFromCustomer(ORDER.customer)).toMatchObject({
			email: "john@example.com",
			first_name: "John",
			subscribed: false,
		});
		const consenting = {
			email: "bob@example.com",
			email_marketing_consent: { state: "subscribed", consent_updated_at: "2024-03-01T10:00:00Z" },
		};
		expect(contactFromCustomer(consenting)).toMatchObject({
			subscribed: true,
			consent: { source: "Shopify", at: "2024-03-01T10:00:00.000Z" },
		});
		expect(
			contactFromCustomer({ ...consenting, email_marketing_consent: { state: "not_subscribed" } })?.subscribed,
		).toBe(false);
		expect(contactFromCustomer({ email: "a@example.com", accepts_marketing: true })?.subscribed).toBe(true);
		expect(contactFromCustomer({ first_name: "No email" })).toBeNull();
	});

	it("dates the customer's choice by its consent time, else by the customer's creation", () => {
		const created = { email: "c@example.com", created_at: "2024-01-01T00:00:00-05:00" };
		expect(contactFromCustomer({ ...created, accepts_marketing: true })?.decided_at).toBe("2024-01-01T05:00:00.000Z");
		const updated = { ...created, accepts_marketing: true, accepts_marketing_updated_at: "2024-02-01T00:00:00Z" };
		expect(contactFromCustomer(updated)?.decided_at).toBe("2024-02-01T00:00:00.000Z");
		const consent = { state: "subscribed", consent_updated_at: "2024-03-01T00:00:00Z" };
		expect(contactFromCustomer({ ...created, email_marketing_consent: consent })?.decided_at).toBe(
			"2024-03-01T00:00:00.000Z",
		);
		expect(contactFromCustomer({ email: "d@example.com", accepts_marketing: true })?.decided_at).toBeUndefined();
	});

	it("verifies X-Shopify-Hmac-Sha256 over the raw body", async () => {
		const body = JSON.stringify(ORDER);
		const key = await crypto.subtle.importKey(
			"raw",
			new TextEncoder().encode("shpss_secret"),
			{ name: "HMAC", hash: "SHA-256" },
			false,
			["sign"],
		);
		const mac = btoa(
			String.fromCharCode(...new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)))),
		);
		expect(await verifyShopifyHmac("shpss_secret", body, mac)).toBe(true);
		expect(await verifyShopifyHmac("shpss_other", body, mac)).toBe(false);
		expect(await verifyShopifyHmac("shpss_secret", `${body} `, mac)).toBe(false);
		expect(await verifyShopifyHmac("shpss_secret", body, null)).toBe(false);
		expect(await verifyShopifyHmac("shpss_secret", body, "not base64!")).toBe(false);
	});
});
