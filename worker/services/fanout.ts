import type { SendsQueueMessage } from "../contracts/queue";
import { createDb } from "../db/client";
import { insertMessages, type NewMessage } from "../db/messages";
import { chunks } from "../db/schema-campaigns";
import { audiencePage } from "../db/sends";
import { newId } from "../domain/ids";
import { compileSegment } from "../domain/segments/compile";

export type FanoutPosition = { cursor: string; seq: number };
export type FanoutCampaign = { campaignId: string; workspaceId: string; segmentDefinition: unknown | null };

/** The chunk id is a function of campaign and sequence, so replaying a step recreates nothing. */
export const chunkIdOf = (campaignId: string, seq: number) =>
	`chk_${campaignId.slice(4)}${seq.toString(36).padStart(6, "0")}`;

/** Where the audience is read from: a segment's rules, or (null) every subscribed contact. */
function audienceFilter(campaign: FanoutCampaign, now: number) {
	if (!campaign.segmentDefinition) return null;
	return compileSegment(campaign.segmentDefinition as Parameters<typeof compileSegment>[0], {
		workspaceId: campaign.workspaceId,
		now,
	});
}

/**
 * One fan-out step: the next `size` audience contacts after the cursor become message rows
 * (a replay inserts nothing: unique per campaign and contact). Suppressed, unsubscribed,
 * bounced and complained contacts are recorded as `suppressed` and never chunked; the rest
 * form one chunk. Returns the chunk to enqueue (if any) and where the next step starts.
 */
export async function fanoutStep(d1: D1Database, campaign: FanoutCampaign, at: FanoutPosition, size: number) {
	const db = createDb(d1);
	const results = await audiencePage(db, campaign.workspaceId, at.cursor, size, audienceFilter(campaign, Date.now()));
	const last = results.at(-1);
	if (!last) return { done: true as const, chunk: null, next: at, suppressed: 0, queued: 0 };

	const chunkId = chunkIdOf(campaign.campaignId, at.seq);
	const sendable = results.filter((r) => r.sendable);
	const rows: NewMessage[] = results.map((r) => ({
		id: newId("msg"),
		contact_id: r.id,
		email: r.email,
		status: r.sendable ? "queued" : "suppressed",
		chunk_id: r.sendable ? chunkId : null,
	}));
	// A crash between the two writes is safe: the replayed step inserts no message twice and then the chunk.
	await insertMessages(db, campaign.workspaceId, campaign.campaignId, rows);
	if (sendable.length > 0) {
		await db
			.insert(chunks)
			.values({
				id: chunkId,
				workspaceId: campaign.workspaceId,
				campaignId: campaign.campaignId,
				seq: at.seq,
				status: "queued",
			})
			.onConflictDoNothing();
	}
	const chunk: SendsQueueMessage | null =
		sendable.length > 0
			? { type: "send_chunk", workspace_id: campaign.workspaceId, campaign_id: campaign.campaignId, chunk_id: chunkId }
			: null;
	return {
		done: results.length < size,
		chunk,
		next: { cursor: last.id, seq: at.seq + 1 },
		suppressed: results.length - sendable.length,
		queued: sendable.length,
	};
}
