import { constantTimeEqual, fromBase64Url, toBase64Url } from "../encoding";

/** What a confirmation link carries: the signup as it was made (nothing is stored until it is confirmed). */
export type SignupClaim = {
	/** The form. */
	f: string;
	email: string;
	first_name?: string;
	/** When and from where the form was sent (the consent record's time and IP). */
	at: number;
	ip: string | null;
};

/** A confirmation link works for a week. */
export const CONFIRM_TTL_MS = 7 * 24 * 3_600_000;

const encoder = new TextEncoder();

async function macOf(secret: string, body: string): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey(
		"raw",
		encoder.encode(`pulse-signup-confirm:${secret}`),
		{ name: "HMAC", hash: "SHA-256" },
		false,
		["sign"],
	);
	return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(body)));
}

/** `<base64url JSON>.<base64url HMAC-SHA256>`, keyed from TOKEN_SECRET for this purpose only. */
export async function signClaim(secret: string, claim: SignupClaim): Promise<string> {
	const body = toBase64Url(encoder.encode(JSON.stringify(claim)));
	return `${body}.${toBase64Url(await macOf(secret, body))}`;
}

/** The claim of an authentic, unexpired token; null for anything tampered, truncated, foreign or old. */
export async function verifyClaim(secret: string, token: string, now = Date.now()): Promise<SignupClaim | null> {
	const [body, mac, extra] = token.split(".");
	if (!body || !mac || extra !== undefined || token.length > 2_000) return null;
	const given = fromBase64Url(mac);
	if (!given || !constantTimeEqual(await macOf(secret, body), given)) return null;
	const bytes = fromBase64Url(body);
	if (!bytes) return null;
	try {
		const claim = JSON.parse(new TextDecoder().decode(bytes)) as SignupClaim;
		if (typeof claim.f !== "string" || typeof claim.email !== "string" || typeof claim.at !== "number") return null;
		return now - claim.at <= CONFIRM_TTL_MS ? claim : null;
	} catch {
		return null;
	}
}
