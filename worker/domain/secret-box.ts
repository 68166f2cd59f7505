import { fromBase64Url, toBase64Url } from "./encoding";

/**
 * Seals a secret (a workspace's provider API key) for storage: AES-256-GCM under a key derived by HKDF-SHA-256
 * from the server's secret, with a random 96-bit IV per seal and the owner (the workspace id) as additional data,
 * so a sealed value copied to another workspace does not open. Stored as `v1.<iv>.<ciphertext>` (base64url).
 */
const VERSION = "v1";
const SALT = new TextEncoder().encode("pulse/provider-keys");

async function keyFor(serverSecret: string): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(serverSecret), "HKDF", false, [
		"deriveKey",
	]);
	return crypto.subtle.deriveKey(
		{ name: "HKDF", hash: "SHA-256", salt: SALT, info: new TextEncoder().encode("provider-key v1") },
		base,
		{ name: "AES-GCM", length: 256 },
		false,
		["encrypt", "decrypt"],
	);
}

export async function seal(serverSecret: string, owner: string, plain: string): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const data = new TextEncoder().encode(plain);
	const additionalData = new TextEncoder().encode(owner);
	const cipher = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData }, await keyFor(serverSecret), data);
	return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(cipher)}`;
}

/** The sealed secret, or null when it does not open (another server secret, another owner, altered bytes). */
export async function open(serverSecret: string, owner: string, sealed: string): Promise<string | null> {
	const [version, ivText, cipherText] = sealed.split(".");
	const iv = fromBase64Url(ivText ?? "");
	const cipher = fromBase64Url(cipherText ?? "");
	if (version !== VERSION || !iv || iv.length !== 12 || !cipher) return null;
	try {
		const additionalData = new TextEncoder().encode(owner);
		const plain = await crypto.subtle.decrypt(
			{ name: "AES-GCM", iv, additionalData },
			await keyFor(serverSecret),
			cipher,
		);
		return new TextDecoder().decode(plain);
	} catch {
		return null;
	}
}
