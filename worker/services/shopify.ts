import type { z } from "@hono/zod-openapi";
import { providerKeySecret, publicBaseUrl } from "../config";
import type { Principal } from "../context";
import type { ContactStatus } from "../contracts/contacts";
import { SHOPIFY_TOPICS, type ShopifyConnection, type ShopifyConnectionInputSchema } from "../contracts/shopify";
import { createDb, type Db } from "../db/client";
import { findContactByEmail } from "../db/contacts";
import { latestOptOut } from "../db/opt-outs";
import {
	connectionsOfWorkspace,
	deleteConnectionStatement,
	deliverySeen,
	findConnection,
	findConnectionById,
	insertConnectionStatement,
	recordDelivery,
	type ShopifyConnectionRow,
} from "../db/shopify";
import { normalizeEmail } from "../domain/contacts/email";
import { consentPredatesOptOut } from "../domain/contacts/opt-out";
import { newId } from "../domain/ids";
import { contactFromCustomer, purchaseFromOrder, type ShopifyContact } from "../domain/ingest/shopify-map";
import { open, seal } from "../domain/secret-box";
import { verifyShopifyHmac } from "../domain/webhooks/shopify-hmac";
import { ApiError, notFound } from "../errors";
import { commitAudited } from "./audited-change";
import { upsertContact } from "./contacts-write";
import { recordEvents } from "./events";

type Caller = { env: Env; db: Db; actor: Principal; requestUrl: string; ip: string | null };
const owner = (id: string) => `shopify-connection:${id}`;

const present = (row: ShopifyConnectionRow, base: string): ShopifyConnection => ({
	id: row.id,
	shop_domain: row.shopDomain,
	webhook_url: `${base}/webhooks/shopify/${row.id}`,
	topics: [...SHOPIFY_TOPICS],
	created_at: row.createdAt.toISOString(),
});

export async function listConnections(c: Omit<Caller, "ip">) {
	const base = publicBaseUrl(c.env, c.requestUrl);
	return {
		data: (await connectionsOfWorkspace(c.db, c.actor.workspaceId)).map((r) => present(r, base)),
		next_cursor: null,
	};
}

export async function connectShopify(c: Caller, input: z.output<typeof ShopifyConnectionInputSchema>) {
	const id = newId("shp");
	const row: ShopifyConnectionRow = {
		id,
		workspaceId: c.actor.workspaceId,
		shopDomain: input.shop_domain,
		secretSealed: await seal(providerKeySecret(c.env), owner(id), input.webhook_secret),
		createdAt: new Date(),
	};
	const target = { type: "shopify_connection", id };
	const metadata = { shop_domain: input.shop_domain };
	await commitAudited(c, insertConnectionStatement(c.db, row), { action: "shopify.connected", target, metadata });
	return present(row, publicBaseUrl(c.env, c.requestUrl));
}

export async function disconnectShopify(c: Caller, id: string) {
	if (!(await findConnection(c.db, c.actor.workspaceId, id))) throw notFound("Shopify connection");
	const target = { type: "shopify_connection", id };
	const statement = deleteConnectionStatement(c.db, c.actor.workspaceId, id);
	await commitAudited(c, statement, { action: "shopify.disconnected", target });
}

/** What a store's webhooks act as in contacts' histories and the audit log. */
const storeActor = (row: ShopifyConnectionRow): Principal => ({
	kind: "api_key",
	apiKeyId: `shopify:${row.id}`,
	workspaceId: row.workspaceId,
	role: "editor",
});

/**
 * A customer from the store: created (subscribed only when they accept email marketing), or, when Pulse knows
 * them, updated; an existing contact is subscribed by the store only on a fresh acceptance, never unsubscribed.
 * A choice made before the person's latest "no" in Pulse (an unsubscribe, an erasure) subscribes no one, and an
 * erased or unsubscribed address without a contact is not brought back by it (a late retry, a replayed body).
 */
async function saveCustomer(env: Env, row: ShopifyConnectionRow, customer: ShopifyContact, onlyIfNew: boolean) {
	const email = normalizeEmail(customer.email);
	if (!email.ok) return "invalid email";
	const db = createDb(env.DB);
	const existing = await findContactByEmail(db, row.workspaceId, email.email);
	if (existing && onlyIfNew) return "known";
	const decidedAt = customer.decided_at ? Date.parse(customer.decided_at) : undefined;
	const outdated = consentPredatesOptOut(decidedAt, await latestOptOut(db, row.workspaceId, email.email, existing?.id));
	if (outdated && !existing) return "outdated: the address unsubscribed or was erased since";
	const subscribe = customer.subscribed && !outdated;
	const status: ContactStatus | undefined = subscribe ? "subscribed" : existing ? undefined : "unsubscribed";
	const input = {
		email: email.email,
		first_name: customer.first_name,
		last_name: customer.last_name,
		...(status && { status, consent: customer.consent }),
	};
	try {
		await upsertContact(env, { actor: storeActor(row), ip: null }, input, "shopify");
		if (customer.subscribed && outdated) return "updated; not subscribed: they unsubscribed since";
		return existing ? "updated" : "created";
	} catch (error) {
		if (error instanceof ApiError && error.code === "conflict") return error.message; // bounced or complained
		throw error;
	}
}

/** `customers/create` → a contact; `orders/create` → a `purchase` event (its buyer added first if new); others ignored. */
async function applyTopic(env: Env, row: ShopifyConnectionRow, topic: string | null, payload: Record<string, unknown>) {
	if (topic === "customers/create") {
		const customer = contactFromCustomer(payload);
		return { topic, result: customer ? await saveCustomer(env, row, customer, false) : "no email" };
	}
	if (topic === "orders/create") {
		const purchase = purchaseFromOrder(payload);
		if (!purchase) return { topic, result: "no email" };
		// The order's email is the buyer's (the customer record may hold an older one).
		const buyer = contactFromCustomer({ ...(payload.customer as Record<string, unknown>), email: purchase.email });
		if (buyer) await saveCustomer(env, row, buyer, true);
		const recorded = await recordEvents(env.DB, row.workspaceId, [purchase], env.EVENTS, { integration: true });
		return { topic, result: recorded.rejected[0]?.reason ?? "recorded" };
	}
	return { topic, result: "ignored" };
}

/**
 * One webhook from a connected store, verified (`X-Shopify-Hmac-Sha256` over the raw body) before it is read.
 * `customers/create` → a contact; `orders/create` → a `purchase` event (its buyer added first if new). Other
 * topics are acknowledged and ignored, so Shopify does not retry them. A delivery is applied once: its
 * `X-Shopify-Webhook-Id` is kept once applied, and a repeat of it is acknowledged as a duplicate.
 */
export async function handleShopifyWebhook(
	env: Env,
	id: string,
	request: { topic: string | null; hmac: string | null; webhookId: string | null; body: string },
) {
	const db = createDb(env.DB);
	const row = await findConnectionById(db, id);
	if (!row) throw notFound("Shopify connection");
	const secret = await open(providerKeySecret(env), owner(row.id), row.secretSealed);
	if (!secret || !(await verifyShopifyHmac(secret, request.body, request.hmac)))
		throw new ApiError("unauthorized", "The Shopify webhook's HMAC does not match this connection's secret");
	let payload: Record<string, unknown>;
	try {
		payload = JSON.parse(request.body) as Record<string, unknown>;
	} catch {
		throw new ApiError("bad_request", "The webhook body is not JSON");
	}
	const delivery = request.webhookId?.trim().slice(0, 200) || null;
	if (delivery && (await deliverySeen(db, row.id, delivery))) return { topic: request.topic, result: "duplicate" };
	const applied = await applyTopic(env, row, request.topic, payload);
	if (delivery) await recordDelivery(db, row.id, delivery, request.topic ?? "");
	return applied;
}
