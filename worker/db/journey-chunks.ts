import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { PauseReason } from "../contracts/campaigns";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { campaigns, chunks } from "./schema-campaigns";

/*
 * Journey send chunks outside the campaign objects' care (a journey node's hidden campaign has no object state):
 * the quota pause of a node's campaign, and the chunks whose SENDS message looks lost.
 */

/**
 * Pauses a journey node's hidden campaign for the provider's quota (a later reset extends the pause); answers
 * false for any other campaign. Its chunks are then parked by the sends consumer, as a paused broadcast's are.
 */
export async function pauseJourneyCampaign(db: Db, campaignId: string, reason: PauseReason): Promise<boolean> {
	const rows = await db
		.update(campaigns)
		.set({
			status: "paused",
			pauseReason: sql`CASE WHEN ${campaigns.pauseReason} IS NULL OR ${campaigns.pauseReason}->>'$.resumes_at' < ${reason.resumes_at}
				THEN ${JSON.stringify(reason)} ELSE ${campaigns.pauseReason} END`,
		})
		.where(and(eq(campaigns.id, campaignId), eq(campaigns.kind, "journey")))
		.returning({ id: campaigns.id });
	return rows.length > 0;
}

/** Journey node campaigns paused for a quota that has reset by `now`: each set sending again (answered once). */
export async function resumeReopenedJourneyCampaigns(db: Db, now: number, limit: number) {
	const due = await db
		.select({ id: campaigns.id, workspaceId: campaigns.workspaceId })
		.from(campaigns)
		.where(
			and(
				isNotNull(campaigns.journeyId),
				eq(campaigns.kind, "journey"),
				eq(campaigns.status, "paused"),
				sql`${campaigns.pauseReason}->>'$.resumes_at' <= ${new Date(now).toISOString()}`,
			),
		)
		.limit(limit);
	if (due.length === 0) return [];
	const resumed = await db
		.update(campaigns)
		.set({ status: "sending", pauseReason: null })
		.where(
			and(
				inJson(
					campaigns.id,
					due.map((c) => c.id),
				),
				eq(campaigns.status, "paused"),
			),
		)
		.returning({ id: campaigns.id, workspaceId: campaigns.workspaceId });
	return resumed;
}

/** Journey chunks still queued or frozen, last enqueued or attempted before `staleBefore`, oldest first. */
export function stalledJourneyChunks(db: Db, staleBefore: number, limit: number) {
	return db
		.select({ id: chunks.id, campaignId: chunks.campaignId, workspaceId: chunks.workspaceId })
		.from(chunks)
		.innerJoin(campaigns, eq(campaigns.id, chunks.campaignId))
		.where(
			and(
				isNotNull(campaigns.journeyId),
				eq(campaigns.kind, "journey"),
				eq(campaigns.status, "sending"),
				inArray(chunks.status, ["queued", "frozen"]),
				lt(chunks.updatedAt, new Date(staleBefore)),
			),
		)
		.orderBy(asc(chunks.updatedAt))
		.limit(limit);
}
