import type { DnsRecord } from "../../contracts/sender";

/** A domain as the email provider sees it: its id there, its verification state and the DNS records to publish. */
export type ProviderDomain = { id: string; status: "pending" | "verified" | "failed"; records: DnsRecord[] };

/** Expected failures come back as values: `status` is the provider's HTTP status (null: no answer). */
export type DomainResult<T> = { ok: true; value: T } | { ok: false; status: number | null; error: string };

/** The provider's domains API: sending domains are registered, verified by DNS, and removed there. */
export interface DomainsApi {
	createDomain(name: string): Promise<DomainResult<ProviderDomain>>;
	/** Asks the provider to check the DNS records now, then reads the domain back. */
	verifyDomain(id: string): Promise<DomainResult<ProviderDomain>>;
	removeDomain(id: string): Promise<DomainResult<null>>;
	/** The account's domains (id, name, status; no records), at most the first 100. */
	listDomains(): Promise<DomainResult<(Omit<ProviderDomain, "records"> & { name: string })[]>>;
	getDomain(id: string): Promise<DomainResult<ProviderDomain & { name: string }>>;
}
