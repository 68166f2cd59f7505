import type { StatsDelta } from "../contracts/live";
import type { SendsQueueMessage } from "../contracts/queue";
import { insertChunks, type NewChunk } from "../db/chunks";
import { createDb } from "../db/client";
import { insertMessages, type NewMessage } from "../db/messages";
import { audiencePage } from "../db/sends";
import { newId } from "../domain/ids";
import { compileSegment } from "../domain/segments/compile";
import { addCount, emptyDelta } from "../domain/tracking/live-stats";

export type FanoutPosition = { cursor: string; seq: number };
export type FanoutCampaign = {
	campaignId: string;
	workspaceId: string;
	segmentDefinition: unknown | null;
	/** A/B tests: the variant of each contact this phase mails (a contact left out gets no row now). */
	pickVariants?: (contactIds: string[]) => Promise<Map<string, string>>;
};

/** The chunk id is a function of campaign and sequence, so replaying a step recreates nothing. */
export const chunkIdOf = (campaignId: string, seq: number) =>
	`chk_${campaignId.slice(4)}${seq.toString(36).padStart(6, "0")}`;

/** The SENDS message that asks the consumer to send one chunk. */
export const sendChunkMessage = (
	campaign: Pick<FanoutCampaign, "campaignId" | "workspaceId">,
	chunkId: string,
): SendsQueueMessage => ({
	type: "send_chunk",
	workspace_id: campaign.workspaceId,
	campaign_id: campaign.campaignId,
	chunk_id: chunkId,
});

/** Puts messages on the SENDS queue, at most 100 per call (the queue's batch limit). */
export async function enqueueSends(sends: Queue, messages: SendsQueueMessage[]) {
	for (let i = 0; i < messages.length; i += 100)
		await sends.sendBatch(messages.slice(i, i + 100).map((body) => ({ body })));
}

/** Where the audience is read from: a segment's rules, or (null) every subscribed contact. */
function audienceFilter(campaign: FanoutCampaign, now: number) {
	if (!campaign.segmentDefinition) return null;
	return compileSegment(campaign.segmentDefinition as Parameters<typeof compileSegment>[0], {
		workspaceId: campaign.workspaceId,
		now,
	});
}

/**
 * What a step's inserted rows add to the campaign's live numbers. A replayed step inserts nothing; one that
 * inserted only some of its rows (a replay after the audience changed) cannot say which: D1 is asked instead.
 */
function addedDelta(inserted: number, queued: number, suppressed: number): StatsDelta {
	const delta = emptyDelta();
	if (inserted === queued + suppressed) {
		addCount(delta, "queued", queued);
		addCount(delta, "suppressed", suppressed);
	} else if (inserted > 0) delta.reconcile = true;
	return delta;
}

/** Chunks one fan-out round trip makes at most: up to 1,000 message rows in one statement. */
export const MAX_CHUNKS_PER_STEP = 10;

/**
 * Fan-out steps: the next `count` × `size` audience contacts after the cursor become message rows (a replay
 * inserts nothing: unique per campaign and contact), read in one query and written in one batch. Each run of
 * `size` contacts is one step: its suppressed, unsubscribed, bounced and complained contacts are recorded as
 * `suppressed` and never chunked; the rest form its chunk. Returns the chunks to enqueue, in sequence order,
 * where the next step starts, and what the rows add to the campaign's live numbers.
 */
export async function fanoutSteps(
	d1: D1Database,
	campaign: FanoutCampaign,
	at: FanoutPosition,
	size: number,
	count: number,
) {
	const db = createDb(d1);
	const steps = Math.max(1, Math.min(count, MAX_CHUNKS_PER_STEP));
	const results = await audiencePage(
		db,
		campaign.workspaceId,
		at.cursor,
		size * steps,
		audienceFilter(campaign, Date.now()),
		campaign.campaignId,
	);
	const last = results.at(-1);
	if (!last) return { done: true, chunks: [] as SendsQueueMessage[], next: at, added: emptyDelta() };

	const rows: NewMessage[] = [];
	const made: NewChunk[] = [];
	let queued = 0;
	const variants = campaign.pickVariants ? await campaign.pickVariants(results.map((r) => r.id)) : null;
	for (let i = 0; i * size < results.length; i++) {
		const seq = at.seq + i;
		const chunkId = chunkIdOf(campaign.campaignId, seq);
		const slice = results.slice(i * size, (i + 1) * size).filter((r) => !variants || variants.has(r.id));
		for (const r of slice) {
			rows.push({
				variant_id: variants?.get(r.id) ?? null,
				id: newId("msg"),
				contact_id: r.id,
				email: r.email,
				status: r.sendable ? "queued" : "suppressed",
				chunk_id: r.sendable ? chunkId : null,
			});
		}
		const sendable = slice.filter((r) => r.sendable).length;
		queued += sendable;
		if (sendable > 0)
			made.push({
				id: chunkId,
				workspaceId: campaign.workspaceId,
				campaignId: campaign.campaignId,
				seq,
				status: "queued",
			});
	}
	// A crash between the two writes is safe: the replay inserts no message twice, and then the chunks.
	const inserted = await insertMessages(db, campaign.workspaceId, campaign.campaignId, rows);
	await insertChunks(db, made);
	return {
		done: results.length < size * steps,
		chunks: made.map((c) => sendChunkMessage(campaign, c.id)),
		next: { cursor: last.id, seq: at.seq + Math.ceil(results.length / size) },
		added: addedDelta(inserted.meta.changes ?? 0, queued, rows.length - queued),
	};
}

/** One fan-out step (see `fanoutSteps`): the next `size` audience contacts, and their chunk if any. */
export async function fanoutStep(d1: D1Database, campaign: FanoutCampaign, at: FanoutPosition, size: number) {
	const step = await fanoutSteps(d1, campaign, at, size, 1);
	return { ...step, chunk: step.chunks[0] ?? null };
}
