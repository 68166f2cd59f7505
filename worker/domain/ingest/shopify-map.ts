/*
 * Shopify webhooks as Pulse data: `customers/create` → a contact (subscribed only when the customer accepts
 * email marketing: `email_marketing_consent.state` "subscribed", or the older `accepts_marketing`), and
 * `orders/create` → a `purchase` event with the revenue, currency and items (its buyer becomes a contact the
 * same way when Pulse does not know them yet).
 */

type Json = Record<string, unknown>;

export type ShopifyContact = {
	email: string;
	first_name?: string;
	last_name?: string;
	subscribed: boolean;
	/**
	 * When the store set this choice: the consent's own time, else the customer's creation (ISO); a late retry or
	 * a replayed body keeps its old time, so it cannot undo an unsubscribe made in Pulse since.
	 */
	decided_at?: string;
	/** Where the consent (or its absence) came from, for the contact's consent record. */
	consent: { source: string; text: string; at?: string };
};

export type ShopifyPurchase = {
	email: string;
	name: "purchase";
	occurred_at?: string;
	idempotency_key: string;
	properties: {
		order_id: string;
		order_number: number | null;
		revenue: number;
		currency: string | null;
		items: { product_id: string | null; sku: string | null; title: string; quantity: number; price: number }[];
	};
};

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const num = (v: unknown): number => {
	const n = typeof v === "number" ? v : Number.parseFloat(String(v ?? ""));
	return Number.isFinite(n) ? n : 0;
};
const idOf = (v: unknown): string | null => (typeof v === "number" || typeof v === "string" ? String(v) : null);
const iso = (v: unknown): string | undefined => {
	const t = typeof v === "string" ? Date.parse(v) : Number.NaN;
	return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

function acceptsMarketing(customer: Json): { subscribed: boolean; at?: string } {
	const consent = customer.email_marketing_consent as Json | null | undefined;
	if (consent && typeof consent === "object")
		return { subscribed: consent.state === "subscribed", at: iso(consent.consent_updated_at) };
	return { subscribed: customer.accepts_marketing === true, at: iso(customer.accepts_marketing_updated_at) };
}

/** A Shopify customer (a `customers/create` body, or an order's `customer`) as a contact; null without an email. */
export function contactFromCustomer(customer: Json, fallbackEmail?: unknown): ShopifyContact | null {
	const email = str(customer.email) ?? str(fallbackEmail);
	if (!email) return null;
	const marketing = acceptsMarketing(customer);
	const decidedAt = marketing.at ?? iso(customer.created_at);
	return {
		email,
		...(str(customer.first_name) && { first_name: str(customer.first_name) }),
		...(str(customer.last_name) && { last_name: str(customer.last_name) }),
		subscribed: marketing.subscribed,
		...(decidedAt && { decided_at: decidedAt }),
		consent: {
			source: "Shopify",
			text: marketing.subscribed
				? "Accepted email marketing in the Shopify store"
				: "Did not accept email marketing in the Shopify store",
			...(marketing.at && { at: marketing.at }),
		},
	};
}

/** An `orders/create` body as a `purchase` event (once per order: its id is the idempotency key); null without an email. */
export function purchaseFromOrder(order: Json): ShopifyPurchase | null {
	const customer = (order.customer ?? {}) as Json;
	const email = str(order.email) ?? str(order.contact_email) ?? str(customer.email);
	const id = idOf(order.id);
	if (!email || !id) return null;
	const items = Array.isArray(order.line_items) ? (order.line_items as Json[]) : [];
	return {
		email,
		name: "purchase",
		occurred_at: iso(order.created_at),
		idempotency_key: `shopify:order:${id}`,
		properties: {
			order_id: id,
			order_number: typeof order.order_number === "number" ? order.order_number : null,
			revenue: num(order.total_price),
			currency: str(order.currency) ?? null,
			items: items.slice(0, 100).map((item) => ({
				product_id: idOf(item.product_id),
				sku: str(item.sku) ?? null,
				title: str(item.title) ?? str(item.name) ?? "",
				quantity: num(item.quantity),
				price: num(item.price),
			})),
		},
	};
}
