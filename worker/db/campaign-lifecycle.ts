import { and, eq, inArray, sql } from "drizzle-orm";
import type { CampaignStatus, PauseReason } from "../contracts/campaigns";
import type { Db } from "./client";
import { campaigns, chunks } from "./schema-campaigns";

/** The status D1 mirrors for a campaign of this workspace (null: no such campaign). */
export async function mirroredStatus(db: Db, campaignId: string, workspaceId: string): Promise<CampaignStatus | null> {
	const row = await db
		.select({ status: campaigns.status })
		.from(campaigns)
		.where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
		.get();
	return row?.status ?? null;
}

/** Whether a chunk of the campaign has not settled yet (queued, frozen or paused): it cannot complete. */
export async function hasUnsettledChunks(db: Db, campaignId: string): Promise<boolean> {
	const row = await db
		.select({ id: chunks.id })
		.from(chunks)
		.where(and(eq(chunks.campaignId, campaignId), inArray(chunks.status, ["queued", "frozen", "paused"])))
		.limit(1)
		.get();
	return row !== undefined;
}

/** Mirrors the object's state in `campaigns` for lists (and why it is paused): start and end times are set once. */
export async function mirrorStatus(
	db: Db,
	change: {
		campaignId: string;
		status: CampaignStatus;
		sendAt: number | null;
		now: number;
		pauseReason: PauseReason | null;
	},
) {
	const now = new Date(change.now);
	await db
		.update(campaigns)
		.set({
			status: change.status,
			sendAt: change.sendAt === null ? null : new Date(change.sendAt),
			pauseReason: change.pauseReason,
			updatedAt: now,
			startedAt: change.status === "sending" ? sql`coalesce(${campaigns.startedAt}, ${change.now})` : undefined,
			completedAt: change.status === "completed" || change.status === "cancelled" ? now : undefined,
		})
		.where(eq(campaigns.id, change.campaignId));
}
