import { Resend } from "resend";
import type { BatchResult, EmailProvider, OutboundEmail } from "./provider";

const DEFAULT_TIMEOUT_MS = 15_000;
const RETRYABLE_CODES = new Set([
	"rate_limit_exceeded",
	"concurrent_idempotent_requests",
	"application_error",
	"internal_server_error",
]);

function retryAfterMs(headers: Record<string, string> | null): number | null {
	const value = headers?.["retry-after"];
	if (!value) return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/** Resend's batch API through the official SDK (base URL configurable, so tests point it at a fake). */
export class ResendProvider implements EmailProvider {
	readonly name = "resend" as const;
	private readonly client: Resend;

	constructor(
		apiKey: string,
		baseUrl?: string,
		private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
	) {
		this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
	}

	async sendBatch(emails: OutboundEmail[], idempotencyKey: string): Promise<BatchResult> {
		const payload = emails.map((e) => ({
			from: e.from,
			to: [e.to],
			subject: e.subject,
			html: e.html,
			text: e.text,
			headers: e.headers,
			...(e.replyTo ? { replyTo: e.replyTo } : {}),
			tags: [{ name: "message_id", value: e.messageId }],
		}));
		let response: Awaited<ReturnType<Resend["batch"]["send"]>>;
		try {
			response = await this.client.batch.send(payload, { idempotencyKey, signal: AbortSignal.timeout(this.timeoutMs) });
		} catch (error) {
			return { ok: false, retryable: true, retryAfterMs: null, status: null, error: `network: ${String(error)}` };
		}
		if (response.error) {
			const status = response.error.statusCode;
			const retryable = status === null || status === 429 || status >= 500 || RETRYABLE_CODES.has(response.error.name);
			return {
				ok: false,
				retryable,
				retryAfterMs: retryAfterMs(response.headers),
				status,
				error: `${response.error.name}: ${response.error.message}`,
			};
		}
		const ids = response.data?.data.map((d: { id: string }) => d.id) ?? [];
		if (ids.length !== emails.length) {
			return {
				ok: false,
				retryable: true,
				retryAfterMs: null,
				status: 200,
				error: `provider accepted ${ids.length} of ${emails.length}`,
			};
		}
		return { ok: true, providerIds: ids };
	}
}
