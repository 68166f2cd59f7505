import { tokenSecret } from "../config";
import { type SendsQueueMessage, SendsQueueMessageSchema } from "../contracts/queue";
import type { CampaignRow } from "../services/campaigns";
import { retryDelaySeconds } from "./backoff";
import { loadOrFreeze } from "./freeze";
import { MAX_PREPARE_LEAD_MS, notePrepareTime, prepareLead } from "./prepare-lead";
import { reserveSlot, type SlotDeps, sendRetryingRateLimits, sleepUntil } from "./provider-slot";

export type SendDeps = SlotDeps;

type ChunkRow = { id: string; campaign_id: string; status: string; attempts: number };
const json = JSON.stringify;

async function settle(env: Env, campaignId: string) {
	await env.CAMPAIGN.getByName(campaignId).chunkSettled();
}

/**
 * A chunk of a cancelled campaign is dropped (its recipients `cancelled`); one of a paused campaign is
 * parked, atomically with the status check, and re-enqueued on resume. Answers true when set aside.
 */
async function setAside(env: Env, chunkId: string, campaign: CampaignRow | null): Promise<boolean> {
	const d1 = env.DB;
	if (!campaign || campaign.status === "cancelled") {
		await d1.batch([
			d1.prepare("UPDATE messages SET status = 'cancelled' WHERE chunk_id = ? AND status = 'queued'").bind(chunkId),
			d1
				.prepare(
					"UPDATE chunks SET status = 'cancelled', updated_at = ? WHERE id = ? AND status IN ('queued', 'frozen', 'paused')",
				)
				.bind(Date.now(), chunkId),
			d1.prepare("DELETE FROM chunk_payloads WHERE chunk_id = ?").bind(chunkId),
		]);
		if (campaign) await settle(env, campaign.id);
		return true;
	}
	if (campaign.status === "paused") {
		const parked = await d1
			.prepare(
				"UPDATE chunks SET status = 'paused' WHERE id = ? AND status IN ('queued', 'frozen') AND (SELECT status FROM campaigns WHERE id = ?) = 'paused'",
			)
			.bind(chunkId, campaign.id)
			.run();
		if ((parked.meta.changes ?? 0) > 0) return true;
	}
	return false;
}

/**
 * Freezes the chunk and sends it at its slot; no result when nobody in it is still sendable.
 */
async function freezeAndSend(
	deps: SendDeps,
	chunkId: string,
	campaign: CampaignRow,
	slot: number | null,
	preparing: number,
) {
	const frozen = await loadOrFreeze(deps.env.DB, chunkId, campaign, tokenSecret(deps.env));
	notePrepareTime(Date.now() - preparing);
	if (frozen.emails.length === 0) return { frozen, result: null };
	// A late wake-up is safe: the gate in `sendRetryingRateLimits` holds it if the window is full.
	if (slot !== null) await sleepUntil(slot);
	const result = await sendRetryingRateLimits(deps, campaign.workspace_id, frozen.emails, chunkId);
	return { frozen, result };
}

/**
 * Sends one frozen chunk: at most one provider call, keyed by the chunk id, so a duplicate
 * delivery, a crash after the provider accepted, or a lost response can never send twice.
 * Returns what the queue should do with the message.
 */
export async function sendChunk(
	deps: SendDeps,
	message: Pick<SendsQueueMessage, "chunk_id" | "workspace_id">,
	attempt: number,
): Promise<{ ack: true } | { retryAfterSeconds: number }> {
	const { env } = deps;
	const d1 = env.DB;
	const chunkId = message.chunk_id;
	// The slot comes first, before any work: a batch's chunks line up in order, and each one is read,
	// checked and rendered just before its turn (a slot can be many seconds away).
	const slot = await reserveSlot(deps, message.workspace_id, prepareLead(deps.requestsPerSecond));
	if (slot !== null && slot - Date.now() > MAX_PREPARE_LEAD_MS) await sleepUntil(slot - MAX_PREPARE_LEAD_MS);
	if (slot !== null) await sleepUntil(slot - prepareLead(deps.requestsPerSecond));
	const preparing = Date.now();
	const chunk = await d1
		.prepare("SELECT id, campaign_id, status, attempts FROM chunks WHERE id = ?")
		.bind(chunkId)
		.first<ChunkRow>();
	if (!chunk || ["sent", "failed", "cancelled"].includes(chunk.status)) return { ack: true };
	const campaign = await d1
		.prepare("SELECT * FROM campaigns WHERE id = ?")
		.bind(chunk.campaign_id)
		.first<CampaignRow>();
	if (await setAside(env, chunkId, campaign)) return { ack: true };
	if (!campaign) return { ack: true };
	const { frozen, result } = await freezeAndSend(deps, chunkId, campaign, slot, preparing);
	const attempts = chunk.attempts + 1;
	if (!result) {
		await d1
			.prepare("UPDATE chunks SET status = 'sent', attempts = ?, updated_at = ? WHERE id = ?")
			.bind(attempts, Date.now(), chunkId)
			.run();
		await settle(env, campaign.id);
		return { ack: true };
	}
	const now = Date.now();
	const ids = json(frozen.messageIds);
	if (result.ok) {
		const sent = frozen.messageIds.map((id, i) => ({ id, provider_id: result.providerIds[i] ?? null }));
		await d1.batch([
			d1
				.prepare(
					"UPDATE messages SET status = 'sent', provider_id = j.value->>'$.provider_id', attempts = ?1, last_error = NULL, sent_at = ?2 FROM json_each(?3) j WHERE messages.id = j.value->>'$.id' AND messages.status = 'queued'",
				)
				.bind(attempts, now, json(sent)),
			d1
				.prepare("UPDATE chunks SET status = 'sent', attempts = ?, last_error = NULL, updated_at = ? WHERE id = ?")
				.bind(attempts, now, chunkId),
			d1.prepare("DELETE FROM chunk_payloads WHERE chunk_id = ?").bind(chunkId),
		]);
		await settle(env, campaign.id);
		return { ack: true };
	}
	const error = `${result.status ?? "network"}: ${result.error}`.slice(0, 500);
	if (result.retryable) {
		await d1.batch([
			d1
				.prepare("UPDATE chunks SET attempts = ?, last_error = ?, updated_at = ? WHERE id = ?")
				.bind(attempts, error, now, chunkId),
			d1
				.prepare(
					"UPDATE messages SET attempts = ?, last_error = ? WHERE id IN (SELECT value FROM json_each(?)) AND status = 'queued'",
				)
				.bind(attempts, error, ids),
		]);
		return { retryAfterSeconds: retryDelaySeconds(attempt, result.retryAfterMs) };
	}
	await failChunk(env, chunkId, attempts, error);
	await settle(env, campaign.id);
	return { ack: true };
}

/** A chunk that cannot be sent: its recipients show as failed with the reason, never silently gone. */
export async function failChunk(env: Env, chunkId: string, attempts: number, error: string) {
	const d1 = env.DB;
	await d1.batch([
		d1
			.prepare(
				"UPDATE messages SET status = 'failed', attempts = max(attempts, ?), last_error = ? WHERE chunk_id = ? AND status = 'queued'",
			)
			.bind(attempts, error, chunkId),
		d1
			.prepare(
				"UPDATE chunks SET status = 'failed', attempts = max(attempts, ?), last_error = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'frozen', 'paused')",
			)
			.bind(attempts, error, Date.now(), chunkId),
		d1.prepare("DELETE FROM chunk_payloads WHERE chunk_id = ?").bind(chunkId),
	]);
}

export async function handleSendsBatch(batch: MessageBatch<unknown>, deps: SendDeps) {
	await Promise.all(
		batch.messages.map(async (message) => {
			const parsed = SendsQueueMessageSchema.safeParse(message.body);
			if (!parsed.success) {
				console.error(JSON.stringify({ queue: batch.queue, id: message.id, error: "unrecognized message" }));
				message.ack();
				return;
			}
			const outcome = await sendChunk(deps, parsed.data, message.attempts);
			if ("ack" in outcome) message.ack();
			else message.retry({ delaySeconds: outcome.retryAfterSeconds });
		}),
	);
}

/** Chunks that exhausted their retries land here: their recipients are marked failed. */
export async function handleSendsDeadLetters(batch: MessageBatch<unknown>, env: Env) {
	for (const message of batch.messages) {
		const parsed = SendsQueueMessageSchema.safeParse(message.body);
		if (parsed.success) {
			const chunk = await env.DB.prepare("SELECT attempts, last_error FROM chunks WHERE id = ?")
				.bind(parsed.data.chunk_id)
				.first<{ attempts: number; last_error: string | null }>();
			await failChunk(
				env,
				parsed.data.chunk_id,
				chunk?.attempts ?? 0,
				`gave up after ${chunk?.attempts ?? "several"} attempts: ${chunk?.last_error ?? "unknown error"}`,
			);
			await settle(env, parsed.data.campaign_id);
		}
		message.ack();
	}
}
