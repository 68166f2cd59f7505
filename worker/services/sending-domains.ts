import { env as workerEnv } from "cloudflare:workers";
import type { Principal } from "../context";
import type { DnsRecord, SendingDomain } from "../contracts/sender";
import { createDb } from "../db/client";
import { findProviderKey } from "../db/provider-keys";
import {
	deleteDomainStatement,
	domainsOfWorkspace,
	findDomainByName,
	findDomainOfWorkspace,
	insertDomain,
	type SendingDomainRow,
	updateDomainStatement,
	verifiedDomainNames,
} from "../db/sending-domains";
import { normalizeDomainName } from "../domain/contacts/email";
import { newId } from "../domain/ids";
import {
	domainOf,
	formatAddress,
	type OperatorGrant,
	operatorDomainsFor,
	operatorHolds,
	parseOperatorDomains,
	senderDomainAllowed,
} from "../domain/sender";
import { ApiError, notFound } from "../errors";
import type { DomainResult } from "../queue/providers/domains";
import { ResendProvider } from "../queue/providers/resend";
import { auditInsert } from "./audit";
import { syncAccountDomains } from "./provider-domains";
import { sendingKeyOf } from "./provider-key";

type SenderEnv = Pick<
	Env,
	"RESEND_API_KEY" | "RESEND_BASE_URL" | "SENDING_DOMAINS" | "TOKEN_SECRET" | "PROVIDER_KEY_SECRET"
>;

/**
 * Whether From domains are checked, and which domains the operator lists. Checked only with the real
 * provider (RESEND_API_KEY, or the workspace's own key: see `assertSenderAllowed`): with the capture outbox
 * nothing leaves the machine, so any domain is allowed.
 */
export type SenderPolicy = { enforced: boolean; grants: OperatorGrant[] };

export function senderPolicy(env: SenderEnv = workerEnv): SenderPolicy {
	return { enforced: Boolean(env.RESEND_API_KEY), grants: parseOperatorDomains(env.SENDING_DOMAINS) };
}

/** The domains API of the Resend account the workspace sends with (its own key wins), or null for the outbox. */
async function domainsApi(env: SenderEnv & { DB: D1Database }, workspaceId: string) {
	const { source, apiKey } = await sendingKeyOf(env, workspaceId);
	return apiKey ? { api: new ResendProvider(apiKey, env.RESEND_BASE_URL || undefined), source } : null;
}

/** Whether the workspace's From domains are checked: with the operator's key, or with its own. */
async function enforcedFor(d1: D1Database, workspaceId: string, policy: SenderPolicy) {
	return policy.enforced || (await findProviderKey(createDb(d1), workspaceId)) !== undefined;
}

/** The domains a workspace may send from right now: its verified domains and the operator's. */
export async function allowedDomains(d1: D1Database, workspaceId: string, policy: SenderPolicy): Promise<string[]> {
	const verified = await verifiedDomainNames(createDb(d1), workspaceId);
	return [...new Set([...verified, ...operatorDomainsFor(policy.grants, workspaceId)])];
}

/** Refuses (422, naming `path`) a From address whose domain is not a verified domain of the workspace. */
export async function assertSenderAllowed(
	d1: D1Database,
	workspaceId: string,
	email: string,
	path: string,
	policy: SenderPolicy = senderPolicy(),
): Promise<void> {
	if (!email || !(await enforcedFor(d1, workspaceId, policy))) return;
	if (senderDomainAllowed(email, await allowedDomains(d1, workspaceId, policy))) return;
	const domain = domainOf(email);
	const message = `${domain} is not a verified sending domain of this workspace: add it under Settings → Sending domains and verify it`;
	throw new ApiError("unprocessable", `Cannot send from ${email}: ${message}`, [{ path, message }]);
}

/** The From header for a sender of this workspace, after checking its domain may be used. */
export async function checkedFrom(
	d1: D1Database,
	workspaceId: string,
	name: string | null,
	email: string,
	path: string,
	policy: SenderPolicy = senderPolicy(),
): Promise<string> {
	await assertSenderAllowed(d1, workspaceId, email, path, policy);
	return formatAddress(name, email);
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

function present(row: SendingDomainRow): SendingDomain {
	return {
		id: row.id,
		domain: row.domain,
		status: row.status,
		source: row.source,
		records: (row.records ?? []) as DnsRecord[],
		verified_at: iso(row.verifiedAt),
		created_at: iso(row.createdAt),
	};
}

const OPERATOR_PREFIX = "operator:";

const presentOperator = (domain: string): SendingDomain => ({
	id: `${OPERATOR_PREFIX}${domain}`,
	domain,
	status: "verified",
	source: "operator",
	records: [],
	verified_at: null,
	created_at: null,
});

export async function listSendingDomains(env: SenderEnv & { DB: D1Database }, workspaceId: string) {
	const policy = senderPolicy(env);
	const provider = await domainsApi(env, workspaceId);
	// A workspace's own Resend account may hold domains added there: they are read through Resend's domains API.
	if (provider?.source === "workspace") await syncAccountDomains(createDb(env.DB), workspaceId, provider.api);
	const rows = await domainsOfWorkspace(createDb(env.DB), workspaceId);
	const own = new Set(rows.map((r) => r.domain));
	const listed = operatorDomainsFor(policy.grants, workspaceId).filter((d) => !own.has(d));
	return {
		data: [...rows.map(present), ...listed.map(presentOperator)],
		next_cursor: null,
		enforced: policy.enforced || provider?.source === "workspace",
	};
}

function providerFailure(result: Extract<DomainResult<unknown>, { ok: false }>, what: string): ApiError {
	if (result.status !== null && result.status >= 400 && result.status < 500 && result.status !== 429) {
		return new ApiError("unprocessable", `The email provider refused to ${what}: ${result.error}`, [
			{ path: "domain", message: result.error },
		]);
	}
	return new ApiError("service_unavailable", `The email provider did not answer; try again (${result.error})`);
}

const conflict = () =>
	new ApiError("conflict", "This domain is already in use by another workspace", [
		{ path: "domain", message: "Already in use" },
	]);

/** Adds a domain to the workspace: registered with the provider (which answers the DNS records to publish). */
export async function addSendingDomain(
	env: SenderEnv & { DB: D1Database },
	actor: Principal,
	rawDomain: string,
	ip: string | null,
) {
	const checked = normalizeDomainName(rawDomain);
	if (!checked.ok)
		throw new ApiError("validation_failed", checked.reason, [{ path: "domain", message: checked.reason }]);
	const domain = checked.domain;
	const db = createDb(env.DB);
	const policy = senderPolicy(env);
	if (operatorDomainsFor(policy.grants, actor.workspaceId).includes(domain)) {
		throw new ApiError("conflict", "The operator already lets this workspace send from this domain", [
			{ path: "domain", message: "Already available" },
		]);
	}
	const holder = await findDomainByName(db, domain);
	if (holder?.workspaceId === actor.workspaceId) {
		throw new ApiError("conflict", "This domain is already added to this workspace", [
			{ path: "domain", message: "Already added" },
		]);
	}
	if (holder || operatorHolds(policy.grants, domain)) throw conflict();

	const api = (await domainsApi(env, actor.workspaceId))?.api;
	const created = api ? await api.createDomain(domain) : null;
	if (created && !created.ok) throw providerFailure(created, `register ${domain}`);
	const remote = created?.value;
	const row = await insertDomain(db, {
		id: newId("sdm"),
		workspaceId: actor.workspaceId,
		domain,
		status: remote?.status ?? "pending",
		source: "provider",
		providerId: remote?.id ?? null,
		records: remote?.records ?? [],
		verifiedAt: remote?.status === "verified" ? new Date() : null,
	});
	if (!row) {
		// Another workspace took the name in the meantime: give the provider's registration back.
		if (api && remote) await api.removeDomain(remote.id);
		throw conflict();
	}
	await auditInsert(db, {
		workspaceId: actor.workspaceId,
		action: "sending_domain.added",
		actor,
		target: { type: "sending_domain", id: row.id },
		ip,
		metadata: { domain },
	});
	return present(row);
}

async function ownDomain(env: SenderEnv & { DB: D1Database }, workspaceId: string, id: string) {
	if (id.startsWith(OPERATOR_PREFIX)) {
		const domain = id.slice(OPERATOR_PREFIX.length);
		if (operatorDomainsFor(senderPolicy(env).grants, workspaceId).includes(domain)) return presentOperator(domain);
		throw notFound("Sending domain");
	}
	const row = await findDomainOfWorkspace(createDb(env.DB), workspaceId, id);
	if (!row) throw notFound("Sending domain");
	return row;
}

/** Asks the provider to check the domain's DNS records now and records the answer. */
export async function verifySendingDomain(
	env: SenderEnv & { DB: D1Database },
	actor: Principal,
	id: string,
	ip: string | null,
) {
	const row = await ownDomain(env, actor.workspaceId, id);
	if (!("workspaceId" in row)) return row;
	const api = (await domainsApi(env, actor.workspaceId))?.api;
	if (!api) {
		throw new ApiError(
			"service_unavailable",
			"Verifying a domain needs an email provider: connect a Resend key under Settings → Sending (or set RESEND_API_KEY). Without one Pulse sends to the Outbox and allows any sender domain.",
		);
	}
	let providerId = row.providerId;
	if (!providerId) {
		// Added while Pulse ran without a provider: register it now.
		const created = await api.createDomain(row.domain);
		if (!created.ok) throw providerFailure(created, `register ${row.domain}`);
		providerId = created.value.id;
	}
	const checked = await api.verifyDomain(providerId);
	if (!checked.ok) throw providerFailure(checked, `verify ${row.domain}`);
	const { status, records } = checked.value;
	const verifiedAt = status === "verified" ? (row.verifiedAt ?? new Date()) : null;
	const db = createDb(env.DB);
	await db.batch([
		updateDomainStatement(db, actor.workspaceId, row.id, { status, records, providerId, verifiedAt }),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "sending_domain.verified",
			actor,
			target: { type: "sending_domain", id: row.id },
			ip,
			metadata: { domain: row.domain, status },
		}),
	]);
	return present({ ...row, status, records, providerId, verifiedAt });
}

/** Removes a domain from the workspace (and from the provider's account): it can no longer be sent from. */
export async function removeSendingDomain(
	env: SenderEnv & { DB: D1Database },
	actor: Principal,
	id: string,
	ip: string | null,
) {
	const row = await ownDomain(env, actor.workspaceId, id);
	if (!("workspaceId" in row)) {
		throw new ApiError(
			"conflict",
			"This domain is listed by the operator (SENDING_DOMAINS) and cannot be removed here",
		);
	}
	const api = (await domainsApi(env, actor.workspaceId))?.api;
	if (api && row.providerId) {
		const removed = await api.removeDomain(row.providerId);
		if (!removed.ok && removed.status !== 404) throw providerFailure(removed, `remove ${row.domain}`);
	}
	const db = createDb(env.DB);
	await db.batch([
		deleteDomainStatement(db, actor.workspaceId, row.id),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "sending_domain.removed",
			actor,
			target: { type: "sending_domain", id: row.id },
			ip,
			metadata: { domain: row.domain },
		}),
	]);
}
