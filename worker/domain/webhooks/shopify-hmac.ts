import { constantTimeEqual } from "../encoding";

/**
 * Shopify signs each webhook with `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw body, keyed with the
 * store's webhook signing secret. Checked on the raw bytes before anything is parsed, in constant time.
 */
export async function verifyShopifyHmac(secret: string, rawBody: string, header: string | null): Promise<boolean> {
	if (!header) return false;
	let given: Uint8Array;
	try {
		given = Uint8Array.from(atob(header.trim()), (c) => c.charCodeAt(0));
	} catch {
		return false;
	}
	const encoder = new TextEncoder();
	const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
		"sign",
	]);
	const expected = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(rawBody)));
	return given.length === expected.length && constantTimeEqual(expected, given);
}
