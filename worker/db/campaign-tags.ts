import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { campaignArchive, campaignTags } from "./schema-ops";

/** Each campaign's tags, by campaign id. */
export async function tagsOfCampaigns(db: Db, campaignIds: string[]): Promise<Map<string, string[]>> {
	const tags = new Map<string, string[]>();
	if (campaignIds.length === 0) return tags;
	const rows = await db
		.select({ campaignId: campaignTags.campaignId, tag: campaignTags.tag })
		.from(campaignTags)
		.where(inJson(campaignTags.campaignId, campaignIds))
		.orderBy(campaignTags.tag);
	for (const row of rows) tags.set(row.campaignId, [...(tags.get(row.campaignId) ?? []), row.tag]);
	return tags;
}

export function addCampaignTags(db: Db, workspaceId: string, campaignId: string, tags: readonly string[]) {
	return db
		.insert(campaignTags)
		.values(tags.map((tag) => ({ workspaceId, campaignId, tag })))
		.onConflictDoNothing();
}

export function removeCampaignTags(db: Db, campaignId: string, tags: readonly string[]) {
	return db
		.delete(campaignTags)
		.where(and(eq(campaignTags.campaignId, campaignId), inArray(campaignTags.tag, [...tags])));
}

export function archiveCampaignRow(db: Db, workspaceId: string, campaignId: string) {
	return db.insert(campaignArchive).values({ workspaceId, campaignId }).onConflictDoNothing();
}

export async function archivedCampaigns(db: Db, campaignIds: string[]): Promise<Set<string>> {
	if (campaignIds.length === 0) return new Set();
	const rows = await db
		.select({ id: campaignArchive.campaignId })
		.from(campaignArchive)
		.where(inJson(campaignArchive.campaignId, campaignIds));
	return new Set(rows.map((r) => r.id));
}
