import { providerRequestLimit, tokenSecret } from "../config";
import { type SendsQueueMessage, SendsQueueMessageSchema } from "../contracts/queue";
import {
	cancelChunk,
	chunkEmpty,
	chunkRetrying,
	chunkSent,
	chunkToSend,
	failChunk as failChunkRows,
	parkChunk,
} from "../db/chunks";
import { createDb, type Db } from "../db/client";
import { notifyDeadLetters, notifyProviderRefusal } from "../services/notify-ops";
import { emitSentWebhooks } from "../services/webhook-emitters";
import { retryError, unsafeToResend } from "./ambiguous-attempts";
import { retryDelaySeconds } from "./backoff";
import { loadOrFreeze } from "./freeze";
import { CHUNKS_IN_PROGRESS, type InFlight, inFlight, PROVIDER_CALLS_IN_FLIGHT } from "./in-flight";
import { type Moved, movedDelta } from "./moved";
import { MAX_PREPARE_LEAD_MS, notePrepareTime, prepareLead } from "./prepare-lead";
import { gatedProvider, reserveSlot, type SlotDeps, sendRetryingRateLimits, sleepUntil } from "./provider-slot";
import type { EmailProvider } from "./providers/provider";
import { providerFor } from "./providers/select";
import { pauseForQuota } from "./quota-pause";
import { batchSources, type SourcesOf } from "./send-sources";
import { workspaceSlotDeps } from "./workspace-provider";

/**
 * What the consumer sends with; `sources` and `calls` (the provider calls in flight) are shared by the chunks of
 * one batch (made per call when absent). `forWorkspace`: the provider, limit and account of a chunk's workspace
 * (its own key wins over RESEND_API_KEY); absent, every chunk uses `provider`.
 */
export type SendDeps = SlotDeps & {
	sources?: SourcesOf;
	calls?: InFlight;
	forWorkspace?: (workspaceId: string) => Promise<SlotDeps>;
};

/** Tells the campaign's object what a chunk's recipients became, so its live numbers move without reading D1. */
async function settle(env: Env, campaignId: string, moved: Moved) {
	await env.CAMPAIGN.getByName(campaignId).chunkSettled(movedDelta(moved));
}

/** The SENDS consumer's dependencies for a batch: the provider, its account limit, one source cache. */
export function sendDeps(env: Env, provider: EmailProvider): SendDeps {
	return { env, provider, requestsPerSecond: providerRequestLimit(env), sources: batchSources(createDb(env.DB)) };
}

/** The SENDS consumer's dependencies for a batch whose chunks each go through their workspace's provider. */
export function sendDepsByWorkspace(env: Env): SendDeps {
	const resolved = new Map<string, Promise<SlotDeps>>();
	const forWorkspace = (workspaceId: string) => {
		let deps = resolved.get(workspaceId);
		if (!deps) {
			deps = workspaceSlotDeps(env, workspaceId);
			resolved.set(workspaceId, deps);
		}
		return deps;
	};
	return { ...sendDeps(env, providerFor(env)), forWorkspace };
}

/**
 * Sends one frozen chunk: at most one provider call, keyed by the chunk id, so a duplicate
 * delivery, a crash after the provider accepted, or a lost response can never send twice.
 * Returns what the queue should do with the message.
 */
export async function sendChunk(
	given: SendDeps,
	message: Pick<SendsQueueMessage, "chunk_id" | "workspace_id">,
	attempt: number,
): Promise<{ ack: true } | { retryAfterSeconds: number }> {
	const deps = given.forWorkspace ? { ...given, ...(await given.forWorkspace(message.workspace_id)) } : given;
	const { env } = deps;
	const db = createDb(env.DB);
	const sourcesOf = deps.sources ?? batchSources(db);
	const chunkId = message.chunk_id;
	// The slot comes first, before any work: a batch's chunks line up in order, and each one is read,
	// checked and rendered just before its turn (a slot can be many seconds away).
	const lead = prepareLead(deps.requestsPerSecond);
	const slot = await reserveSlot(deps, lead);
	if (slot !== null && slot - Date.now() > MAX_PREPARE_LEAD_MS) await sleepUntil(slot - MAX_PREPARE_LEAD_MS);
	if (slot !== null) await sleepUntil(slot - lead);
	const preparing = Date.now();
	const chunk = await chunkToSend(db, chunkId);
	if (!chunk || ["sent", "failed", "cancelled"].includes(chunk.status)) return { ack: true };
	// A chunk of a cancelled (or deleted) campaign is dropped; one of a paused campaign is parked, atomically with
	// the status check, and re-enqueued on resume.
	if (chunk.campaignStatus === null || chunk.campaignStatus === "cancelled") {
		const cancelled = await cancelChunk(db, chunkId, Date.now());
		if (chunk.campaignStatus) await settle(env, chunk.campaignId, { cancelled });
		return { ack: true };
	}
	if (chunk.campaignStatus === "paused" && (await parkChunk(db, chunkId, chunk.campaignId))) return { ack: true };
	// An attempt without an answer long enough ago that the provider forgot its key: not risked twice.
	const unsafe = unsafeToResend(chunk.lastError, Date.now());
	if (unsafe) {
		const failed = await failChunkRows(db, chunkId, chunk.attempts, unsafe, Date.now());
		await settle(env, chunk.campaignId, { failed });
		return { ack: true };
	}
	const sources = await sourcesOf(chunk.campaignId);
	if (!sources) return { ack: true };
	const frozen = await loadOrFreeze(db, chunkId, sources, tokenSecret(env), chunk.status !== "queued");
	notePrepareTime(Date.now() - preparing);
	const attempts = chunk.attempts + 1;
	const { suppressed } = frozen;
	if (frozen.emails.length === 0) {
		await chunkEmpty(db, chunkId, attempts, Date.now());
		await settle(env, chunk.campaignId, { suppressed });
		return { ack: true };
	}
	// A late wake-up is safe: the gate in `sendRetryingRateLimits` holds it if the window is full.
	if (slot !== null) await sleepUntil(slot);
	const calls = deps.calls ?? inFlight(PROVIDER_CALLS_IN_FLIGHT);
	const result = await calls(() => sendRetryingRateLimits(deps, frozen.emails, chunkId));
	const now = Date.now();
	if (result.ok) {
		// Recipients the provider rejected (by index) fail alone, with its reason; the others were sent.
		const rejectedAt = new Map((result.rejected ?? []).map((r) => [r.index, r.error.slice(0, 500)]));
		const sent = frozen.messageIds
			.map((id, i) => ({ id, provider_id: result.providerIds[i] ?? null }))
			.filter((_, i) => !rejectedAt.has(i));
		const rejected = frozen.messageIds.flatMap((id, i) => {
			const error = rejectedAt.get(i);
			return error === undefined ? [] : [{ id, error: `rejected by the provider: ${error}` }];
		});
		const marked = await chunkSent(db, chunkId, sent, attempts, now, rejected);
		await settle(env, chunk.campaignId, { suppressed, sent: marked.sent, failed: marked.failed });
		await emitSentWebhooks(env, message.workspace_id, chunk.campaignId, sent, frozen, now);
		return { ack: true };
	}
	// A used-up daily or monthly quota pauses the campaign until it resets; the chunk waits, no one fails.
	if (result.quota) {
		await notifyProviderRefusal(env, message.workspace_id, chunk.campaignId, result, now);
		return pauseForQuota(env, db, chunk, result.quota, suppressed);
	}
	const error = retryError(chunk.lastError, result.status, result.error, now);
	if (result.retryable) {
		await chunkRetrying(db, chunkId, frozen.messageIds, attempts, error, now);
		// The chunk is not settled, but those its freeze left out are: the live numbers show them now.
		if (suppressed > 0) await settle(env, chunk.campaignId, { suppressed });
		return { retryAfterSeconds: retryDelaySeconds(attempt, result.retryAfterMs) };
	}
	const failed = await failChunkRows(db, chunkId, attempts, error, now);
	await settle(env, chunk.campaignId, { suppressed, failed });
	await notifyProviderRefusal(env, message.workspace_id, chunk.campaignId, result, now);
	return { ack: true };
}

export async function handleSendsBatch(batch: MessageBatch<unknown>, deps: SendDeps) {
	const shared = {
		...deps,
		sources: deps.sources ?? batchSources(createDb(deps.env.DB)),
		calls: deps.calls ?? inFlight(PROVIDER_CALLS_IN_FLIGHT),
	};
	const inProgress = inFlight(CHUNKS_IN_PROGRESS);
	await Promise.all(
		batch.messages.map(async (message) => {
			const parsed = SendsQueueMessageSchema.safeParse(message.body);
			if (!parsed.success) {
				console.error(JSON.stringify({ queue: batch.queue, id: message.id, error: "unrecognized message" }));
				message.ack();
				return;
			}
			const outcome = await inProgress(() => sendChunk(shared, parsed.data, message.attempts));
			if ("ack" in outcome) message.ack();
			else message.retry({ delaySeconds: outcome.retryAfterSeconds });
		}),
	);
}

async function giveUp(db: Db, env: Env, message: SendsQueueMessage) {
	const chunk = await chunkToSend(db, message.chunk_id);
	const attempts = chunk?.attempts ?? 0;
	const reason = `gave up after ${chunk?.attempts ?? "several"} attempts: ${chunk?.lastError ?? "unknown error"}`;
	const failed = await failChunkRows(db, message.chunk_id, attempts, reason, Date.now());
	await settle(env, message.campaign_id, { failed });
	if (failed > 0) await notifyDeadLetters(env, message.workspace_id, message.campaign_id, failed, reason);
}

/** Chunks that exhausted their retries land here: their recipients are marked failed. */
export async function handleSendsDeadLetters(batch: MessageBatch<unknown>, env: Env) {
	const db = createDb(env.DB);
	for (const message of batch.messages) {
		const parsed = SendsQueueMessageSchema.safeParse(message.body);
		if (parsed.success) await giveUp(db, env, parsed.data);
		message.ack();
	}
}

/**
 * The provider for a workspace's sends made outside the SENDS queue (test sends, invitations): the same provider,
 * account limit and gate as its campaigns' chunks.
 */
export const providerOutsideQueue = async (env: Env, workspaceId: string) =>
	gatedProvider(await workspaceSlotDeps(env, workspaceId));
