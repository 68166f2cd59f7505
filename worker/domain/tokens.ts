import { constantTimeEqual, fromBase64Url, toBase64Url } from "./encoding";

/**
 * What a link in an email carries: open pixel (`o`), click (`c`, with the link's index and
 * original URL, so the redirect needs no database read) and unsubscribe (`u`). `p: 1` marks a
 * link from a preview or test send: the public endpoints show what it would do and change nothing.
 */
export type TokenPayload =
	| { k: "o"; m: string; p?: 1 }
	| { k: "c"; m: string; l: number; u: string; p?: 1 }
	| { k: "u"; m: string; c: string; w: string; p?: 1 }
	/** A short-lived pass to a campaign's live socket (`m` is the campaign, `e` the expiry in ms). */
	| { k: "l"; m: string; w: string; e: number };

/** The tokens that go into an email: pixel, click and unsubscribe. */
export type EmailLinkPayload = Exclude<TokenPayload, { k: "l" }>;

const VERSION = 1;
const IV_BYTES = 12;
const MAC_BYTES = 16;
const encoder = new TextEncoder();

type Keys = { enc: CryptoKey; mac: CryptoKey };
const keyCache = new Map<string, Promise<Keys>>();

/** Two keys from one secret (HKDF): one encrypts the payload, one signs the token. */
function keysFor(secret: string): Promise<Keys> {
	let keys = keyCache.get(secret);
	if (!keys) {
		keys = (async () => {
			const base = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"]);
			const derive = (
				info: string,
				algorithm: { name: string; length: number; hash?: string },
				usages: ("encrypt" | "decrypt" | "sign")[],
			) =>
				crypto.subtle.deriveKey(
					{ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(info) },
					base,
					algorithm,
					false,
					usages,
				) as Promise<CryptoKey>;
			return {
				enc: await derive("pulse-token-encrypt", { name: "AES-GCM", length: 256 }, ["encrypt", "decrypt"]),
				mac: await derive("pulse-token-sign", { name: "HMAC", hash: "SHA-256", length: 256 }, ["sign"]),
			};
		})();
		keyCache.set(secret, keys);
	}
	return keys;
}

async function mac(key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.sign("HMAC", key, data)).slice(0, MAC_BYTES);
}

/**
 * An opaque, signed token: the payload is encrypted (AES-256-GCM) so no address or URL shows
 * in a link, and the whole token is signed with HMAC-SHA256 (encrypt-then-MAC).
 */
export async function signToken(secret: string, payload: TokenPayload): Promise<string> {
	const keys = await keysFor(secret);
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const sealed = new Uint8Array(
		await crypto.subtle.encrypt({ name: "AES-GCM", iv }, keys.enc, encoder.encode(JSON.stringify(payload))),
	);
	const body = new Uint8Array(1 + IV_BYTES + sealed.length);
	body.set([VERSION], 0);
	body.set(iv, 1);
	body.set(sealed, 1 + IV_BYTES);
	const signature = await mac(keys.mac, body);
	const token = new Uint8Array(body.length + MAC_BYTES);
	token.set(body, 0);
	token.set(signature, body.length);
	return toBase64Url(token);
}

/** The longest destination a click token carries; longer links stay untracked (see render). */
export const MAX_TRACKED_URL_CHARS = 4_000;
/** Fits a click token for the longest tracked URL (base64url of IV, ciphertext and MAC). */
const MAX_TOKEN_CHARS = 6_000;

/** Message ids of real sends; anything else (previews, test sends) can never act. */
const SENT_MESSAGE_ID = /^msg_/;

/**
 * A token that must never change anything: marked as a preview, or (for tokens signed before the
 * mark existed) naming something other than a sent message.
 */
export function isPreviewToken(payload: EmailLinkPayload): boolean {
	return payload.p === 1 || !SENT_MESSAGE_ID.test(payload.m);
}

function isPayload(value: unknown): value is TokenPayload {
	if (typeof value !== "object" || value === null) return false;
	const p = value as Record<string, unknown>;
	if (typeof p.m !== "string") return false;
	if (p.p !== undefined && p.p !== 1) return false;
	if (p.k === "o") return true;
	if (p.k === "c") return typeof p.l === "number" && typeof p.u === "string" && /^https?:\/\//i.test(p.u);
	if (p.k === "u") return typeof p.c === "string" && typeof p.w === "string";
	if (p.k === "l") return typeof p.w === "string" && typeof p.e === "number";
	return false;
}

/** The payload of an authentic token, or null for anything tampered, truncated or foreign. */
export async function verifyToken(secret: string, token: string): Promise<TokenPayload | null> {
	if (token.length > MAX_TOKEN_CHARS) return null;
	const bytes = fromBase64Url(token);
	if (!bytes || bytes.length < 1 + IV_BYTES + 16 + MAC_BYTES || bytes[0] !== VERSION) return null;
	const keys = await keysFor(secret);
	const body = bytes.slice(0, bytes.length - MAC_BYTES);
	if (!constantTimeEqual(await mac(keys.mac, body), bytes.slice(bytes.length - MAC_BYTES))) return null;
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: "AES-GCM", iv: body.slice(1, 1 + IV_BYTES) },
			keys.enc,
			body.slice(1 + IV_BYTES),
		);
		const payload: unknown = JSON.parse(new TextDecoder().decode(plain));
		return isPayload(payload) ? payload : null;
	} catch {
		return null;
	}
}
