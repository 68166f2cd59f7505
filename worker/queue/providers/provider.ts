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
 * A provider answers a whole batch with a value (never throws for expected failures):
 * accepted with one provider id per email, or refused as retryable (429, 5xx, timeouts,
 * concurrent idempotent requests; `retryAfterMs` when the provider says) or permanent.
 */
export type BatchResult =
	| { ok: true; providerIds: string[] }
	| {
			ok: false;
			retryable: boolean;
			retryAfterMs: number | null;
			status: number | null;
			error: string;
			/** The provider's daily or monthly sending quota is used up: nothing sends until `resetsAt` (ms). */
			quota?: ProviderQuota;
	  };

export interface EmailProvider {
	readonly name: "resend" | "capture";
	/** Sends up to 100 emails in one call; the same idempotency key always means the same batch. */
	sendBatch(emails: OutboundEmail[], idempotencyKey: string): Promise<BatchResult>;
}
