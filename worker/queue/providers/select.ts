import { providerTimeoutMs } from "../../config";
import { CaptureProvider } from "./capture";
import type { EmailProvider } from "./provider";
import { ResendProvider } from "./resend";

/** Resend with this key; the capture outbox without one (never nowhere). */
export function providerWith(env: Env, apiKey: string | null | undefined): EmailProvider {
	return apiKey
		? new ResendProvider(apiKey, env.RESEND_BASE_URL || undefined, providerTimeoutMs(env))
		: new CaptureProvider(env.DB);
}

/** Resend when the operator configured a key (RESEND_API_KEY); otherwise the capture outbox. */
export function providerFor(env: Env): EmailProvider {
	return providerWith(env, env.RESEND_API_KEY);
}
