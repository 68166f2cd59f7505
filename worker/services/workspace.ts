import type { Principal } from "../context";
import type { Db } from "../db/client";
import { findWorkspace, updateWorkspaceStatement } from "../db/workspaces";
import { displayNameProblem } from "../domain/sender";
import { type SendSettingsPatch, sendSettingsColumns, sendSettingsProblem } from "../domain/sending/settings";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { setAuditRetention } from "./audit-log";
import { presentWorkspace } from "./presenters";
import { forgetWorkspace } from "./principal-cache";
import { assertSenderAllowed, type SenderPolicy, senderPolicy } from "./sending-domains";

export async function getWorkspace(db: Db, workspaceId: string) {
	const row = await findWorkspace(db, workspaceId);
	if (!row) throw notFound("Workspace");
	return row;
}

type WorkspacePatch = {
	name?: string;
	postal_address?: string;
	default_from_name?: string;
	default_from_email?: string;
	send_rate_per_second?: number;
	/** Kept apart (workspace_ops_settings): days the audit log is kept, null = for ever. */
	audit_retention_days?: number | null;
} & SendSettingsPatch;

/** The default sender must be safe in a From header and, with a real provider, on a verified domain of the workspace. */
export async function updateWorkspace(
	db: Db,
	actor: Principal,
	patch: WorkspacePatch,
	ip: string | null,
	policy: SenderPolicy = senderPolicy(),
) {
	const nameProblem = patch.default_from_name === undefined ? null : displayNameProblem(patch.default_from_name);
	if (nameProblem)
		throw new ApiError("validation_failed", nameProblem, [{ path: "default_from_name", message: nameProblem }]);
	const limitsProblem = sendSettingsProblem(patch);
	if (limitsProblem) throw new ApiError("validation_failed", limitsProblem.message, [limitsProblem]);
	if (patch.default_from_email) {
		await assertSenderAllowed(db.$client, actor.workspaceId, patch.default_from_email, "default_from_email", policy);
	}
	const changes = {
		name: patch.name,
		postalAddress: patch.postal_address,
		defaultFromName: patch.default_from_name,
		defaultFromEmail: patch.default_from_email,
		sendRatePerSecond: patch.send_rate_per_second,
		...sendSettingsColumns(patch),
	};
	if (patch.audit_retention_days !== undefined) await setAuditRetention(db, actor, patch.audit_retention_days, ip);
	const changed = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
	if (Object.keys(changed).length > 0) {
		await db.batch([
			updateWorkspaceStatement(db, actor.workspaceId, changed),
			auditInsert(db, {
				workspaceId: actor.workspaceId,
				action: "workspace.updated",
				actor,
				target: { type: "workspace", id: actor.workspaceId },
				ip,
				metadata: { fields: Object.keys(patch) },
			}),
		]);
		forgetWorkspace(actor.workspaceId);
	}
	return presentWorkspace(await getWorkspace(db, actor.workspaceId));
}
