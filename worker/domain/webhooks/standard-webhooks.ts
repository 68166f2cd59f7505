/*
 * Outbound webhook signing per the Standard Webhooks spec (standardwebhooks.com): the secret is `whsec_` + base64
 * of random bytes; each delivery carries `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`,
 * a space-separated list of `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per secret in use (two while a
 * rotated secret overlaps the new one).
 */

const PREFIX = "whsec_";

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
	try {
		return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
	} catch {
		return null;
	}
}

/** A fresh signing secret: 32 random bytes. */
export function newWebhookSecret(): string {
	return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The HMAC key of a `whsec_` secret (its base64 part decoded), or null when it is not one. */
export function secretKey(secret: string): Uint8Array<ArrayBuffer> | null {
	const key = fromBase64(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
	return key && key.length > 0 ? key : null;
}

/** `v1,<signature>` of one message with one secret. */
export async function signWith(secret: string, id: string, timestamp: number, body: string): Promise<string> {
	const key = secretKey(secret);
	if (!key) throw new Error("not a webhook secret");
	const hmac = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	const mac = await crypto.subtle.sign("HMAC", hmac, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
	return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers of one attempt; every secret given signs (the current one first). */
export async function signedHeaders(
	secrets: string[],
	id: string,
	timestamp: number,
	body: string,
): Promise<Record<string, string>> {
	const signatures = await Promise.all(secrets.map((secret) => signWith(secret, id, timestamp, body)));
	return {
		"content-type": "application/json",
		"webhook-id": id,
		"webhook-timestamp": String(timestamp),
		"webhook-signature": signatures.join(" "),
	};
}

/**
 * Seconds to wait before the retry that follows attempt `attempt` (1-based), or null when attempts are over:
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours in all, as Svix does), each capped at `maxDelay`
 * (a queue's longest delay).
 */
export const RETRY_DELAYS_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;

export function retryDelaySeconds(attempt: number, maxDelay = 43_200): number | null {
	const delay = RETRY_DELAYS_SECONDS[attempt - 1];
	return delay === undefined ? null : Math.min(delay, maxDelay);
}

/** An endpoint that has failed every attempt for this long is disabled. */
export const DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

export function shouldDisable(failingSince: Date | null, now: Date): boolean {
	return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
}
