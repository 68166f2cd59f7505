import { toHex } from "./encoding";

const encoder = new TextEncoder();

/**
 * An address as a key part that does not show it (rate-limit keys outlive an erasure until they expire): HMAC-SHA256
 * of it under the server secret (TOKEN_SECRET), hex. The same address always gives the same key.
 */
export async function addressKey(secret: string, address: string): Promise<string> {
	const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
		"sign",
	]);
	return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(`address-key:${address}`)));
}
