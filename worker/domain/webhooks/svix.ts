import { constantTimeEqual, fromBase64Url } from "../encoding";

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SvixHeaders = { id: string | null; timestamp: string | null; signature: string | null };
export type SvixCheck = { ok: true } | { ok: false; reason: string };

const base64 = (text: string) => fromBase64Url(text.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, ""));

/**
 * Verifies a Svix-signed webhook (what Resend sends): HMAC-SHA256 over `id.timestamp.body`
 * with the endpoint's `whsec_` secret, on the raw body, any of the listed `v1,` signatures
 * matching in constant time, and a timestamp no more than 5 minutes off.
 */
export async function verifySvix(
	secret: string,
	headers: SvixHeaders,
	rawBody: string,
	nowSeconds = Date.now() / 1000,
): Promise<SvixCheck> {
	if (!headers.id || !headers.timestamp || !headers.signature) return { ok: false, reason: "missing svix headers" };
	const timestamp = Number(headers.timestamp);
	if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS)
		return { ok: false, reason: "timestamp too old or in the future" };
	const key = base64(secret.startsWith("whsec_") ? secret.slice(6) : secret);
	if (!key) return { ok: false, reason: "bad secret" };
	const hmac = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	const expected = new Uint8Array(
		await crypto.subtle.sign("HMAC", hmac, new TextEncoder().encode(`${headers.id}.${headers.timestamp}.${rawBody}`)),
	);
	for (const part of headers.signature.split(" ")) {
		const [version, value] = part.split(",");
		const given = version === "v1" && value ? base64(value) : null;
		if (given && constantTimeEqual(given, expected)) return { ok: true };
	}
	return { ok: false, reason: "signature mismatch" };
}
