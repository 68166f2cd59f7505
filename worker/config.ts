import { ApiError } from "./errors";

/** The key that signs tracking and unsubscribe tokens; Pulse refuses to mint tokens without one. */
export function tokenSecret(env: Env): string {
	if (!env.TOKEN_SECRET || env.TOKEN_SECRET.length < 16) {
		throw new ApiError("service_unavailable", "TOKEN_SECRET is not configured (16+ characters); see .dev.vars.example");
	}
	return env.TOKEN_SECRET;
}

/** The public origin emails link to: APP_URL when set, else the origin the request came to. */
export function publicBaseUrl(env: Env, requestUrl: string): string {
	return (env.APP_URL || new URL(requestUrl).origin).replace(/\/+$/, "");
}

/** Pulse runs on this machine (its public origin is localhost): outbound calls may then go to local services. */
export function servedLocally(env: Env, requestUrl: string): boolean {
	const host = new URL(publicBaseUrl(env, requestUrl)).hostname;
	return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/**
 * The key that seals workspaces' provider API keys at rest: PROVIDER_KEY_SECRET when set (16+ characters), else
 * TOKEN_SECRET. Changing it makes stored keys unreadable: their workspaces must connect again.
 */
export function providerKeySecret(env: Pick<Env, "PROVIDER_KEY_SECRET" | "TOKEN_SECRET">): string {
	if (env.PROVIDER_KEY_SECRET && env.PROVIDER_KEY_SECRET.length >= 16) return env.PROVIDER_KEY_SECRET;
	return tokenSecret(env as Env);
}

/**
 * The provider account's request limit (requests per second); null for the capture outbox, which has none.
 * `apiKey` is the key the send uses (a workspace's own, else RESEND_API_KEY).
 */
export function providerRequestLimit(env: Env, apiKey: string | null | undefined = env.RESEND_API_KEY): number | null {
	if (!apiKey) return null;
	const configured = Number(env.PROVIDER_REQUESTS_PER_SECOND || 2);
	return Number.isFinite(configured) && configured > 0 ? configured : 2;
}

const accounts = new Map<string, Promise<string>>();

/**
 * The provider account sends are limited by (the rate limiter's name): Resend limits a team across all its API
 * keys, so the account is named by a short SHA-256 of the key the send uses (`apiKey`: a workspace's own key, else
 * `RESEND_API_KEY`; the key itself never becomes a name); "capture" for the outbox. Every workspace and every kind
 * of send on the same key shares it.
 */
export function providerAccount(env: Env, apiKey: string | null | undefined = env.RESEND_API_KEY): Promise<string> {
	const key = apiKey;
	if (!key) return Promise.resolve("capture");
	let account = accounts.get(key);
	if (!account) {
		account = crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)).then((digest) => {
			const hex = [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
			return `resend:${hex}`;
		});
		accounts.set(key, account);
	}
	return account;
}

/** How long one provider call may take before it is abandoned and retried like a lost answer (default 15 s). */
export function providerTimeoutMs(env: Env): number {
	const configured = Number(env.PROVIDER_TIMEOUT_MS);
	return Number.isFinite(configured) && configured > 0 ? configured : 15_000;
}
