import { tokenSecret } from "../config";
import { SendsQueueMessageSchema } from "../contracts/queue";
import type { CampaignRow } from "../services/campaigns";
import { retryDelaySeconds } from "./backoff";
import { loadOrFreeze } from "./freeze";
import type { EmailProvider } from "./providers/provider";

export type SendDeps = { env: Env; provider: EmailProvider; requestsPerSecond: number | null };

type ChunkRow = { id: string; campaign_id: string; status: string; attempts: number };
const json = JSON.stringify;

async function settle(env: Env, campaignId: string) {
	await env.CAMPAIGN.getByName(campaignId).chunkSettled();
}

/** Waits for the workspace's provider slot (the token bucket shared by all its sends). */
async function takeProviderSlot(deps: SendDeps, workspaceId: string) {
	if (!deps.requestsPerSecond) return;
	const wait = await deps.env.RATE_LIMITER.getByName(workspaceId).acquire(deps.requestsPerSecond);
	if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/**
 * Sends one frozen chunk: at most one provider call, keyed by the chunk id, so a duplicate
 * delivery, a crash after the provider accepted, or a lost response can never send twice.
 * Returns what the queue should do with the message.
 */
export async function sendChunk(
	deps: SendDeps,
	chunkId: string,
	attempt: number,
): Promise<{ ack: true } | { retryAfterSeconds: number }> {
	const { env } = deps;
	const d1 = env.DB;
	const chunk = await d1
		.prepare("SELECT id, campaign_id, status, attempts FROM chunks WHERE id = ?")
		.bind(chunkId)
		.first<ChunkRow>();
	if (!chunk || ["sent", "failed", "cancelled"].includes(chunk.status)) return { ack: true };
	const campaign = await d1
		.prepare("SELECT * FROM campaigns WHERE id = ?")
		.bind(chunk.campaign_id)
		.first<CampaignRow>();
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
		return { ack: true };
	}
	if (campaign.status === "paused") {
		// Set aside (atomically with the status check); the campaign re-enqueues it on resume.
		const parked = await d1
			.prepare(
				"UPDATE chunks SET status = 'paused' WHERE id = ? AND status IN ('queued', 'frozen') AND (SELECT status FROM campaigns WHERE id = ?) = 'paused'",
			)
			.bind(chunkId, campaign.id)
			.run();
		if ((parked.meta.changes ?? 0) > 0) return { ack: true };
	}

	const frozen = await loadOrFreeze(d1, chunkId, campaign, tokenSecret(env));
	const attempts = chunk.attempts + 1;
	if (frozen.emails.length === 0) {
		await d1
			.prepare("UPDATE chunks SET status = 'sent', attempts = ?, updated_at = ? WHERE id = ?")
			.bind(attempts, Date.now(), chunkId)
			.run();
		await settle(env, campaign.id);
		return { ack: true };
	}
	await takeProviderSlot(deps, campaign.workspace_id);
	const result = await deps.provider.sendBatch(frozen.emails, chunkId);
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
			const outcome = await sendChunk(deps, parsed.data.chunk_id, message.attempts);
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
