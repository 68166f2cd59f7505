import type { DnsRecord } from "../../contracts/sender";
import { quotaField } from "../../domain/campaigns/provider-quota";
import type { DomainResult, DomainsApi, ProviderDomain } from "./domains";
import type { BatchResult, EmailProvider, OutboundEmail } from "./provider";
import { acceptedBatch, rateOf, retryAfterMs, retryableStatus } from "./resend-answers";
import { StatusReportingResend } from "./resend-client";

const DEFAULT_TIMEOUT_MS = 15_000;

type ResendAnswer<T> = {
	data: T | null;
	error: { message: string; statusCode: number | null; name: string } | null;
};
type ResendDomain = { id: string; name?: string; status: string; records?: DnsRecord[] };

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
	private readonly client: StatusReportingResend;

	constructor(
		apiKey: string,
		baseUrl?: string,
		private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
	) {
		this.client = new StatusReportingResend(apiKey, baseUrl ? { baseUrl } : undefined);
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
		// Permissive: an email Resend refuses (an address it rejects) comes back in `errors` by its index, and the
		// others are sent; strict would refuse the whole call for it.
		const options = {
			idempotencyKey,
			batchValidation: "permissive",
			signal: AbortSignal.timeout(this.timeoutMs),
		} as const;
		let response: Awaited<ReturnType<typeof this.client.batch.send<typeof options>>>;
		try {
			response = await this.client.batch.send(payload, options);
		} catch (error) {
			return { ok: false, retryable: true, retryAfterMs: null, status: null, error: `network: ${String(error)}` };
		}
		const rate = rateOf(response.headers);
		if (response.error) {
			const status = response.error.statusCode;
			return {
				ok: false,
				retryable: retryableStatus(status, response.error.name),
				retryAfterMs: retryAfterMs(response.headers),
				status,
				error: `${response.error.name}: ${response.error.message}`,
				...(rate ? { rate } : {}),
				...quotaField(response.error.name, retryAfterMs(response.headers), Date.now()),
			};
		}
		return acceptedBatch(emails.length, response.data?.data ?? [], response.data?.errors ?? [], rate);
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

	/** Also how a key is checked before it is stored: Resend answers 401/403 to a key it does not know. */
	listDomains() {
		return answer(this.client.domains.list({}, { signal: AbortSignal.timeout(this.timeoutMs) }), (list) =>
			list.data.map((d) => ({ id: d.id, name: d.name, status: statusOf(d.status) })),
		);
	}

	getDomain(id: string) {
		return answer(this.client.domains.get(id, { signal: AbortSignal.timeout(this.timeoutMs) }), (d) => ({
			...domainOf(d),
			name: d.name,
		}));
	}
}
