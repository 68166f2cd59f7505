import type { ProviderQuota } from "../../domain/campaigns/provider-quota";

/** One rendered email, exactly as it leaves Pulse. */
export type OutboundEmail = {
	messageId: string;
	workspaceId: string;
	campaignId: string | null;
	to: string;
	from: string;
	replyTo: string | null;
	subject: string;
	html: string;
	text: string;
	headers: Record<string, string>;
};

/**
 * The account's request limit as the provider stated it in its answer (`ratelimit-limit`, `ratelimit-remaining`,
 * `ratelimit-reset`): requests a second, requests left in the current window, ms until the window resets.
 */
export type ProviderRate = { limit: number; remaining: number; resetMs: number };

/**
 * A provider answers a whole batch with a value (never throws for expected failures):
 * accepted with one provider id per email (null for an email it `rejected`, by index in the batch, with its
 * reason; the others were sent), or refused as a whole, retryable (429, 5xx, timeouts, concurrent idempotent
 * requests; `retryAfterMs` when the provider says) or permanent. `status` is the HTTP status (null: no answer,
 * so the call may or may not have been accepted). `rate`: the limit the provider stated, when it did.
 */
export type BatchResult =
	| { ok: true; providerIds: (string | null)[]; rejected?: { index: number; error: string }[]; rate?: ProviderRate }
	| {
			ok: false;
			retryable: boolean;
			retryAfterMs: number | null;
			status: number | null;
			error: string;
			rate?: ProviderRate;
			/** The provider's daily or monthly sending quota is used up: nothing sends until `resetsAt` (ms). */
			quota?: ProviderQuota;
	  };

export interface EmailProvider {
	readonly name: "resend" | "capture";
	/** Sends up to 100 emails in one call; the same idempotency key always means the same batch. */
	sendBatch(emails: OutboundEmail[], idempotencyKey: string): Promise<BatchResult>;
}
