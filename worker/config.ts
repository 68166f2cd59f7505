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
