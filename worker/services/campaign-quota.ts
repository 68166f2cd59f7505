import type { PauseReason } from "../contracts/campaigns";
import type { Db } from "../db/client";
import { recordAudit } from "./audit";

/**
 * The audit trail of a quota pause: Pulse paused the campaign for the provider's quota, or resumed it by itself when
 * the quota reset. No one acted, so the entries have no actor; `metadata.by` says what did.
 */
export async function auditQuotaPause(db: Db, workspaceId: string, campaignId: string, reason: PauseReason) {
	await recordAudit(db, {
		workspaceId,
		action: "campaign.pause",
		actor: null,
		target: { type: "campaign", id: campaignId },
		metadata: { by: "provider_quota", quota: reason.quota, message: reason.message, resumes_at: reason.resumes_at },
	});
}

export async function auditQuotaResume(db: Db, workspaceId: string, campaignId: string, reason: PauseReason) {
	await recordAudit(db, {
		workspaceId,
		action: "campaign.resume",
		actor: null,
		target: { type: "campaign", id: campaignId },
		metadata: { by: "provider_quota_reset", quota: reason.quota, resumes_at: reason.resumes_at },
	});
}
