import { UNSAFE_HEADER_CHARACTERS, UNSAFE_HEADER_MESSAGE } from "../contracts/sender";
import { normalizeDomainName, normalizeEmail } from "./contacts/email";

const UNSAFE_GLOBAL = new RegExp(UNSAFE_HEADER_CHARACTERS.source, "g");
/** A phrase of RFC 5322 atoms separated by single spaces: safe to write without quotes. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** Why a display name cannot go into a From header, or null when it can. */
export function displayNameProblem(name: string): string | null {
	return UNSAFE_HEADER_CHARACTERS.test(name) ? UNSAFE_HEADER_MESSAGE : null;
}

/**
 * The From (or Reply-To) header value for a name and an address, per RFC 5322: the name as plain
 * atoms when it has no specials, otherwise a quoted-string with `"` and `\` escaped (UTF-8 names are
 * quoted too; the provider encodes them). Control and text-direction characters are dropped, so the
 * result is always one line with exactly one address, whatever was stored before validation existed.
 * Throws for an address that is not strictly valid: it is validated on input, so that is a bug.
 */
export function formatAddress(name: string | null | undefined, email: string): string {
	const address = normalizeEmail(email);
	if (!address.ok) throw new Error(`formatAddress: refusing an invalid sender address (${address.reason})`);
	const clean = (name ?? "").replace(UNSAFE_GLOBAL, " ").replace(/\s+/g, " ").trim();
	if (clean === "") return address.email;
	if (PLAIN_PHRASE.test(clean)) return `${clean} <${address.email}>`;
	return `"${clean.replace(/["\\]/g, "\\$&")}" <${address.email}>`;
}

/** The domain part of an address, lower-cased. */
export function domainOf(email: string): string {
	return email
		.slice(email.lastIndexOf("@") + 1)
		.trim()
		.toLowerCase();
}

/**
 * A sender domain is allowed when it is exactly one of the workspace's verified domains. Subdomains
 * are not covered: the provider signs (DKIM) per domain, so `news.example.com` is added and verified
 * on its own.
 */
export function senderDomainAllowed(email: string, verifiedDomains: readonly string[]): boolean {
	const domain = domainOf(email);
	return verifiedDomains.some((d) => d === domain);
}

/** One entry of `SENDING_DOMAINS`: a domain given to one workspace, or to every workspace (`*`). */
export type OperatorGrant = { domain: string; workspaceId: string };

const WORKSPACE_ID = /^(?:\*|[A-Za-z0-9_-]{1,64})$/;

/**
 * Parses the operator's `SENDING_DOMAINS`: entries `domain=workspace_id` (or `domain=*` for every
 * workspace of this deployment) separated by commas or whitespace. An entry that does not parse is
 * ignored rather than guessed at, so a typo never opens a domain to every workspace.
 */
export function parseOperatorDomains(value: string | null | undefined): OperatorGrant[] {
	const grants: OperatorGrant[] = [];
	for (const entry of (value ?? "").split(/[\s,]+/)) {
		const [rawDomain, workspaceId, extra] = entry.split("=");
		if (rawDomain === undefined || workspaceId === undefined || extra !== undefined) continue;
		const domain = normalizeDomainName(rawDomain);
		if (!domain.ok || !WORKSPACE_ID.test(workspaceId.trim())) continue;
		grants.push({ domain: domain.domain, workspaceId: workspaceId.trim() });
	}
	return grants;
}

/** The operator's domains a workspace may send from. */
export function operatorDomainsFor(grants: readonly OperatorGrant[], workspaceId: string): string[] {
	return [
		...new Set(grants.filter((g) => g.workspaceId === "*" || g.workspaceId === workspaceId).map((g) => g.domain)),
	];
}

/** Whether the operator has given a domain to some workspace (so no workspace can claim it for itself). */
export function operatorHolds(grants: readonly OperatorGrant[], domain: string): boolean {
	return grants.some((g) => g.domain === domain);
}
