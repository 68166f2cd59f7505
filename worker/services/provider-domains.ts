import type { Db } from "../db/client";
import { domainsOfWorkspace, insertDomain, updateDomainStatement } from "../db/sending-domains";
import { normalizeDomainName } from "../domain/contacts/email";
import { newId } from "../domain/ids";
import type { DomainsApi } from "../queue/providers/domains";

/** At most this many of the account's domains are read per listing (Resend accounts hold a handful). */
const MAX_IMPORTED = 20;

/**
 * Brings the workspace's list in line with its own Resend account (read through Resend's domains API): domains
 * added in Resend's dashboard appear with their DNS records, and every status is Resend's current one. A domain
 * another workspace already holds is left out. When Resend does not answer, the stored list is shown as it is.
 */
export async function syncAccountDomains(db: Db, workspaceId: string, api: DomainsApi): Promise<void> {
	const listed = await api.listDomains();
	if (!listed.ok) {
		console.error(JSON.stringify({ workspaceId, error: `listing the provider's domains: ${listed.error}` }));
		return;
	}
	const rows = await domainsOfWorkspace(db, workspaceId);
	const changes = [];
	for (const remote of listed.value.slice(0, MAX_IMPORTED)) {
		const local = rows.find((r) => r.providerId === remote.id || r.domain === remote.name);
		if (local) {
			if (local.status === remote.status && local.providerId === remote.id) continue;
			const verifiedAt = remote.status === "verified" ? (local.verifiedAt ?? new Date()) : null;
			changes.push(
				updateDomainStatement(db, workspaceId, local.id, { status: remote.status, providerId: remote.id, verifiedAt }),
			);
			continue;
		}
		const name = normalizeDomainName(remote.name);
		if (!name.ok) continue;
		const full = await api.getDomain(remote.id);
		if (!full.ok) continue;
		await insertDomain(db, {
			id: newId("sdm"),
			workspaceId,
			domain: name.domain,
			status: full.value.status,
			source: "provider",
			providerId: remote.id,
			records: full.value.records,
			verifiedAt: full.value.status === "verified" ? new Date() : null,
		});
	}
	const [first, ...rest] = changes;
	if (first) await db.batch([first, ...rest]);
}
