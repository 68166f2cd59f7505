import type { Principal } from "../context";
import { addCampaignTags, archiveCampaignRow, removeCampaignTags } from "../db/campaign-tags";
import { createDb } from "../db/client";
import { archivableCampaign } from "../domain/operations/bulk";
import { ApiError } from "../errors";
import { auditInsert } from "./audit";
import { deleteCampaign, findCampaign } from "./campaigns";

type Write = { actor: Principal; ip: string | null };

const audited = (write: Write, action: string, id: string, metadata?: Record<string, unknown>) => ({
	workspaceId: write.actor.workspaceId,
	action,
	actor: write.actor,
	target: { type: "campaign", id },
	ip: write.ip,
	metadata,
});

/** Puts a campaign away from the everyday lists: only once nothing more will be sent (or it never started). */
export async function archiveCampaign(d1: D1Database, write: Write, id: string) {
	const row = await findCampaign(d1, write.actor.workspaceId, id);
	if (!archivableCampaign(row.status))
		throw new ApiError("conflict", `A ${row.status} campaign cannot be archived; pause or cancel it first`);
	const db = createDb(d1);
	await db.batch([
		archiveCampaignRow(db, write.actor.workspaceId, id),
		auditInsert(db, audited(write, "campaign.archived", id)),
	]);
}

export async function tagCampaign(d1: D1Database, write: Write, id: string, tags: string[], remove = false) {
	await findCampaign(d1, write.actor.workspaceId, id);
	const db = createDb(d1);
	await db.batch([
		remove ? removeCampaignTags(db, id, tags) : addCampaignTags(db, write.actor.workspaceId, id, tags),
		auditInsert(db, audited(write, remove ? "campaign.untagged" : "campaign.tagged", id, { tags })),
	]);
}

/** Bulk delete takes drafts only: a scheduled campaign is cancelled first through its own page. */
export async function deleteDraft(d1: D1Database, write: Write, id: string) {
	const row = await findCampaign(d1, write.actor.workspaceId, id);
	if (row.status !== "draft")
		throw new ApiError("conflict", `Only drafts are deleted in bulk; this one is ${row.status}`);
	await deleteCampaign(d1, write.actor, id);
	await auditInsert(createDb(d1), audited(write, "campaign.deleted", id, { name: row.name }));
}
