import type { StatsDelta } from "../contracts/live";
import type { SendsQueueMessage } from "../contracts/queue";
import { insertChunks, type NewChunk } from "../db/chunks";
import { createDb, type Db } from "../db/client";
import { insertMessages, type NewMessage } from "../db/messages";
import { audiencePage } from "../db/sends";
import { newId } from "../domain/ids";
import { compileSegment } from "../domain/segments/compile";
import { addCount, emptyDelta } from "../domain/tracking/live-stats";
import { fanoutRules, releaseDueSends } from "./fanout-rules";

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
function addedDelta(inserted: number, queued: number, suppressed: number, capped: number): StatsDelta {
	const delta = emptyDelta();
	if (inserted === queued + suppressed + capped) {
		addCount(delta, "queued", queued);
		addCount(delta, "suppressed", suppressed);
		addCount(delta, "capped", capped);
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
	if (at.cursor === AUDIENCE_READ) return releaseDue(db, campaign, at, size, steps);
	const results = await audiencePage(
		db,
		campaign.workspaceId,
		at.cursor,
		size * steps,
		audienceFilter(campaign, Date.now()),
		campaign.campaignId,
	);
	const last = results.at(-1);
	const now = Date.now();
	const rules = await fanoutRules(
		db,
		campaign.campaignId,
		results.filter((r) => r.sendable).map((r) => r.id),
		now,
	);
	if (!last && rules.local) return releaseDue(db, campaign, { ...at, cursor: AUDIENCE_READ }, size, steps);
	if (!last) return { done: true, chunks: [] as SendsQueueMessage[], next: at, added: emptyDelta() };

	const rows: NewMessage[] = [];
	const made: NewChunk[] = [];
	let queued = 0;
	let capped = 0;
	const variants = campaign.pickVariants ? await campaign.pickVariants(results.map((r) => r.id)) : null;
	for (let i = 0; i * size < results.length; i++) {
		const seq = at.seq + i;
		const chunkId = chunkIdOf(campaign.campaignId, seq);
		const slice = results.slice(i * size, (i + 1) * size).filter((r) => !variants || variants.has(r.id));
		let sendable = 0;
		for (const r of slice) {
			// Over the frequency cap: `capped`, never chunked; a local-time recipient waits unchunked for their time.
			const due = rules.dueAt(r);
			const status = !r.sendable ? "suppressed" : rules.capped(r.id, due ?? now) ? "capped" : "queued";
			const chunked = status === "queued" && due === null;
			rows.push({
				variant_id: variants?.get(r.id) ?? null,
				id: newId("msg"),
				contact_id: r.id,
				email: r.email,
				status,
				chunk_id: chunked ? chunkId : null,
				scheduled_for: due,
			});
			if (chunked) sendable++;
			if (status === "queued") queued++;
			if (status === "capped") capped++;
		}
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
	const done = results.length < size * steps;
	const next = {
		cursor: done && rules.local ? AUDIENCE_READ : last.id,
		seq: at.seq + Math.ceil(results.length / size),
	};
	const added = addedDelta(inserted.meta.changes ?? 0, queued, rows.length - queued - capped, capped);
	if (next.cursor === AUDIENCE_READ) return { ...(await releaseDue(db, campaign, next, size, steps)), added };
	return { done, chunks: made.map((c) => sendChunkMessage(campaign, c.id)), next, added };
}

/** The cursor of a local-time send whose audience is all written: its steps now chunk the recipients due. */
const AUDIENCE_READ = "~";

/** A local-time send's step after its audience is written: it is done once nobody waits for their time. */
async function releaseDue(db: Db, campaign: FanoutCampaign, at: FanoutPosition, size: number, steps: number) {
	const { chunkIds, waiting } = await releaseDueSends(db, campaign, Date.now(), size, steps);
	return {
		done: !waiting,
		chunks: chunkIds.map((id) => sendChunkMessage(campaign, id)),
		next: at,
		added: emptyDelta(),
	};
}

/** One fan-out step (see `fanoutSteps`): the next `size` audience contacts, and their chunk if any. */
export async function fanoutStep(d1: D1Database, campaign: FanoutCampaign, at: FanoutPosition, size: number) {
	const step = await fanoutSteps(d1, campaign, at, size, 1);
	return { ...step, chunk: step.chunks[0] ?? null };
}
