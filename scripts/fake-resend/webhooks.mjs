// Resend-shaped webhook events for emails the fake accepted, signed the way Resend signs them (Svix:
// HMAC-SHA256 of `id.timestamp.body` with the endpoint's `whsec_` secret), so tests drive Pulse's webhook
// handling from what was actually sent. `POST /__admin/webhooks` delivers them to `url` when given, and
// always answers the signed requests, so a test that cannot be reached over HTTP can deliver them itself.

import { createHmac, randomUUID } from "node:crypto";

/** @typedef {import("../fake-resend.mjs").ReceivedEmail} ReceivedEmail */
/**
 * @typedef {{ type: string; email_id?: string; to?: string; svix_id?: string; created_at?: string;
 *   bounce?: Record<string, string>; failed?: Record<string, string>; suppressed?: Record<string, string> }} EventSpec
 */
/** @typedef {{ svix_id: string; type: string; email_id: string; request: { headers: Record<string, string>; body: string }; status?: number; response?: string; error?: string }} Delivery */

export const EVENT_TYPES = ["sent", "delivered", "delivery_delayed", "bounced", "complained", "failed", "suppressed"];

/** What each event adds to `data` unless the spec says otherwise (shapes from Resend's webhook docs). */
const DETAILS = {
	bounced: {
		bounce: {
			message: "The recipient's email provider sent a hard bounce message.",
			subType: "General",
			type: "Permanent",
		},
	},
	failed: { failed: { reason: "reached_daily_quota" } },
	suppressed: {
		suppressed: {
			message: "The recipient's email address is on the suppression list.",
			type: "OnAccountSuppressionList",
		},
	},
};

/**
 * Signs `body` like Svix: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the secret's bytes.
 * @param {string} secret `whsec_<base64>` @param {string} id @param {number} timestamp seconds @param {string} body
 */
export function svixSignature(secret, id, timestamp, body) {
	const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
	return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/**
 * The email an event is about: by `email_id`, or the latest accepted email to `to`.
 * @param {ReceivedEmail[]} emails @param {EventSpec} spec
 */
function emailFor(emails, spec) {
	if (spec.email_id) return emails.find((e) => e.id === spec.email_id);
	const to = spec.to?.trim().toLowerCase();
	return emails.findLast((e) => e.to.some((a) => a.trim().toLowerCase() === to || a.toLowerCase().endsWith(`<${to}>`)));
}

/** @param {unknown} tags @returns {Record<string, string>} Resend's webhook form of an email's tags */
const tagObject = (tags) =>
	Array.isArray(tags)
		? Object.fromEntries(tags.map((t) => [String(t?.name), String(t?.value)]))
		: /** @type {Record<string, string>} */ ({});

/**
 * Builds and signs one event; an error message when it names no accepted email or an unknown type.
 * @param {ReceivedEmail[]} emails @param {string} secret @param {EventSpec} spec
 * @returns {Delivery | string}
 */
export function signedEvent(emails, secret, spec) {
	const kind = String(spec.type ?? "").replace(/^email\./, "");
	if (!EVENT_TYPES.includes(kind)) return `type must be one of ${EVENT_TYPES.join(", ")}`;
	const email = emailFor(emails, spec);
	if (!email) return `no accepted email ${spec.email_id ? `with id ${spec.email_id}` : `to ${spec.to}`}`;
	const type = `email.${kind}`;
	const details = /** @type {Record<string, Record<string, unknown>>} */ (DETAILS)[kind] ?? {};
	const overrides = Object.fromEntries(
		Object.keys(details).map((k) => [k, { ...details[k], .../** @type {Record<string, unknown>} */ (spec)[k] }]),
	);
	const payload = {
		type,
		created_at: spec.created_at ?? new Date().toISOString(),
		data: {
			created_at: new Date(email.receivedAt).toISOString(),
			email_id: email.id,
			message_id: `<${email.id}@email.amazonses.com>`,
			from: email.from,
			to: email.to,
			subject: email.subject,
			tags: tagObject(email.payload.tags),
			...overrides,
		},
	};
	const body = JSON.stringify(payload);
	const id = spec.svix_id ?? `msg_${randomUUID().replaceAll("-", "")}`;
	const timestamp = Math.floor(Date.now() / 1000);
	const headers = {
		"content-type": "application/json",
		"svix-id": id,
		"svix-timestamp": String(timestamp),
		"svix-signature": svixSignature(secret, id, timestamp, body),
	};
	return { svix_id: id, type, email_id: email.id, request: { headers, body } };
}

/**
 * `POST /__admin/webhooks {secret, url?, events: [EventSpec]}`: signs every event (all or none), then
 * delivers them in order to `url`, if given, recording each answer.
 * @param {ReceivedEmail[]} emails @param {unknown} body
 * @returns {Promise<{ deliveries: Delivery[] } | string>}
 */
export async function emitWebhooks(emails, body) {
	const { secret, url, events } = /** @type {{ secret?: unknown; url?: unknown; events?: unknown }} */ (body ?? {});
	if (typeof secret !== "string" || secret.length === 0) return "secret must be the endpoint's whsec_ secret";
	if (url !== undefined && (typeof url !== "string" || !/^https?:\/\//.test(url))) return "url must be an http(s) URL";
	if (!Array.isArray(events) || events.length === 0) return "events must be a non-empty array";
	/** @type {Delivery[]} */
	const deliveries = [];
	for (const spec of events) {
		const signed = signedEvent(emails, secret, /** @type {EventSpec} */ (spec ?? {}));
		if (typeof signed === "string") return signed;
		deliveries.push(signed);
	}
	if (typeof url === "string")
		for (const delivery of deliveries) {
			try {
				const res = await fetch(url, { method: "POST", ...delivery.request });
				delivery.status = res.status;
				delivery.response = await res.text();
			} catch (error) {
				delivery.error = String(error);
			}
		}
	return { deliveries };
}
