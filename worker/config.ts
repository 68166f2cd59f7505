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

/** The provider account's request limit (requests per second); null for the capture outbox, which has none. */
export function providerRequestLimit(env: Env): number | null {
	if (!env.RESEND_API_KEY) return null;
	const configured = Number(env.PROVIDER_REQUESTS_PER_SECOND || 2);
	return Number.isFinite(configured) && configured > 0 ? configured : 2;
}

/** How long one provider call may take before it is abandoned and retried like a lost answer (default 15 s). */
export function providerTimeoutMs(env: Env): number {
	const configured = Number(env.PROVIDER_TIMEOUT_MS);
	return Number.isFinite(configured) && configured > 0 ? configured : 15_000;
}
