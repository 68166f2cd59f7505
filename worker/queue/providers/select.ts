import { providerTimeoutMs } from "../../config";
import { CaptureProvider } from "./capture";
import type { EmailProvider } from "./provider";
import { ResendProvider } from "./resend";

/** Resend when a key is configured; otherwise the capture outbox (never nowhere). */
export function providerFor(env: Env): EmailProvider {
	return env.RESEND_API_KEY
		? new ResendProvider(env.RESEND_API_KEY, env.RESEND_BASE_URL || undefined, providerTimeoutMs(env))
		: new CaptureProvider(env.DB);
}
