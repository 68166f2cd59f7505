import { Resend } from "resend";
import type { DnsRecord } from "../../contracts/sender";
import { quotaField } from "../../domain/campaigns/provider-quota";
import type { DomainResult, DomainsApi, ProviderDomain } from "./domains";
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

type ResendAnswer<T> = {
	data: T | null;
	error: { message: string; statusCode: number | null; name: string } | null;
};
type ResendDomain = { id: string; status: string; records?: DnsRecord[] };

/** Resend's states, folded to ours: only `verified` sends; `failed`/`partially_failed` need new DNS records. */
function statusOf(status: string): ProviderDomain["status"] {
	if (status === "verified") return "verified";
	if (status === "failed" || status === "partially_failed") return "failed";
	return "pending";
}

const recordsOf = (records: DnsRecord[] | undefined): DnsRecord[] =>
	(records ?? []).map((r) => ({
		record: String(r.record),
		type: String(r.type),
		name: String(r.name),
		value: String(r.value),
		...(r.ttl === undefined ? {} : { ttl: String(r.ttl) }),
		...(typeof r.priority === "number" ? { priority: r.priority } : {}),
		...(r.status === undefined ? {} : { status: String(r.status) }),
	}));

async function answer<T, U>(pending: Promise<ResendAnswer<T>>, map: (data: T) => U): Promise<DomainResult<U>> {
	try {
		const response = await pending;
		if (response.error) {
			return {
				ok: false,
				status: response.error.statusCode,
				error: `${response.error.name}: ${response.error.message}`,
			};
		}
		if (response.data === null) return { ok: false, status: null, error: "empty answer" };
		return { ok: true, value: map(response.data) };
	} catch (error) {
		return { ok: false, status: null, error: `network: ${String(error)}` };
	}
}

const domainOf = (d: ResendDomain): ProviderDomain => ({
	id: d.id,
	status: statusOf(d.status),
	records: recordsOf(d.records),
});

/** Resend's batch API through the official SDK (base URL configurable, so tests point it at a fake). */
export class ResendProvider implements EmailProvider, DomainsApi {
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
				...quotaField(response.error.name, retryAfterMs(response.headers), Date.now()),
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

	createDomain(name: string): Promise<DomainResult<ProviderDomain>> {
		return answer(this.client.domains.create({ name }, { signal: AbortSignal.timeout(this.timeoutMs) }), domainOf);
	}

	async verifyDomain(id: string): Promise<DomainResult<ProviderDomain>> {
		const signal = AbortSignal.timeout(this.timeoutMs);
		const asked = await answer(this.client.domains.verify(id, { signal }), () => null);
		if (!asked.ok) return asked;
		return answer(this.client.domains.get(id, { signal }), domainOf);
	}

	removeDomain(id: string): Promise<DomainResult<null>> {
		return answer(this.client.domains.remove(id, { signal: AbortSignal.timeout(this.timeoutMs) }), () => null);
	}
}
