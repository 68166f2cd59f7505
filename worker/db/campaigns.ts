import { and, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { messages, segments } from "./schema-contacts";
import type { SqlRow } from "./sql-row";

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
/** The fields a draft or scheduled campaign may change. */
export type CampaignChange = Pick<
	CampaignRow,
	| "name"
	| "segmentId"
	| "templateId"
	| "fromEmail"
	| "fromName"
	| "replyTo"
	| "trackOpens"
	| "trackClicks"
	| "updatedAt"
>;
/** The campaign row as raw `SELECT *` returns it (snake_case, numbers), for callers not yet on this module. */
export type CampaignSqlRow = SqlRow<typeof campaigns>;

const EDITABLE = ["draft", "scheduled"] as const;
/** A journey's send nodes have hidden campaigns (see services/journey-sends.ts): the campaign routes never show them. */
export const BROADCAST = eq(campaigns.kind, "broadcast");

export async function findCampaignRow(db: Db, workspaceId: string, id: string): Promise<CampaignRow | undefined> {
	const [row] = await db
		.select()
		.from(campaigns)
		.where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId), BROADCAST))
		.limit(1);
	return row;
}

/** Which campaigns a list shows: one status (or all), and archived ones hidden, included or alone. */
export type CampaignFilter = { status?: CampaignRow["status"]; archived: "hide" | "include" | "only" };

const isArchived = sql`exists (select 1 from campaign_archive a where a.campaign_id = ${campaigns.id})`;
const ARCHIVED = { hide: sql`not ${isArchived}`, include: undefined, only: isArchived };

/** Newest first, ids below `beforeId`. */
export function campaignPage(
	db: Db,
	workspaceId: string,
	beforeId: string,
	limit: number,
	filter: CampaignFilter = { archived: "include" },
): Promise<CampaignRow[]> {
	return db
		.select()
		.from(campaigns)
		.where(
			and(
				eq(campaigns.workspaceId, workspaceId),
				lt(campaigns.id, beforeId),
				BROADCAST,
				filter.status === undefined ? undefined : eq(campaigns.status, filter.status),
				ARCHIVED[filter.archived],
			),
		)
		.orderBy(desc(campaigns.id))
		.limit(limit);
}

/** Per campaign, how many recipients the message log holds and how many are settled (no longer queued). */
export function campaignProgress(db: Db, campaignIds: string[]) {
	// The ids travel as one JSON parameter: a page can hold more ids than D1 binds.
	const ids = sql`(SELECT value FROM json_each(${JSON.stringify(campaignIds)}))`;
	return db
		.select({
			campaignId: messages.campaignId,
			audience: count(),
			processed: sql<number | null>`sum(${messages.status} <> 'queued')`,
		})
		.from(messages)
		.where(inArray(messages.campaignId, ids))
		.groupBy(messages.campaignId);
}

export async function insertCampaign(db: Db, row: NewCampaign): Promise<void> {
	await db.insert(campaigns).values(row);
}

/** Changes a campaign only while it is still a draft or scheduled. */
export async function updateEditableCampaign(db: Db, id: string, change: CampaignChange): Promise<void> {
	await db
		.update(campaigns)
		.set(change)
		.where(and(eq(campaigns.id, id), inArray(campaigns.status, [...EDITABLE])));
}

export async function deleteCampaignRow(db: Db, workspaceId: string, id: string): Promise<void> {
	await db.delete(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)));
}

/** Fixes the public origin the campaign's links point to (when sending starts). */
export async function setCampaignBaseUrl(db: Db, id: string, baseUrl: string): Promise<void> {
	await db.update(campaigns).set({ baseUrl }).where(eq(campaigns.id, id));
}

/** Whether each recipient is sent at a local time of day ("HH:MM"), or all at once (null). */
export async function setCampaignLocalTime(db: Db, id: string, localTime: string | null): Promise<void> {
	await db.update(campaigns).set({ localTime }).where(eq(campaigns.id, id));
}

/** The rule tree of a campaign's audience segment; null for all subscribed contacts (or a deleted segment). */
export async function audienceDefinition(db: Db, campaignId: string): Promise<unknown> {
	const row = await db
		.select({ definition: segments.definition })
		.from(campaigns)
		.leftJoin(segments, eq(segments.id, campaigns.segmentId))
		.where(eq(campaigns.id, campaignId))
		.get();
	return row?.definition ?? null;
}
