import { providerKeySecret } from "../config";
import type { WebhookAttempt } from "../contracts/webhook-endpoints";
import { type WebhookDeliveryMessage, WebhookDeliveryMessageSchema } from "../contracts/webhook-queue";
import { createDb, type Db } from "../db/client";
import {
	failDeliveryStatement,
	findDelivery,
	recordAndLoadDelivery,
	recordAttemptStatement,
	type WebhookDeliveryRow,
} from "../db/webhook-deliveries";
import { findEndpoint, markFailing, markHealthyStatement, type WebhookEndpointRow } from "../db/webhook-endpoints";
import { open } from "../domain/secret-box";
import { deliveryContact } from "../domain/webhooks/delivery-contact";
import { retryDelaySeconds, signedHeaders } from "../domain/webhooks/standard-webhooks";
import { secretOwner } from "../services/webhook-endpoints";
import { deliversLocally, webhookDestinationProblem } from "../services/webhook-fetch";
import { disableFailingEndpoint } from "./webhook-disable";

export type WebhookDeps = {
	env: Env;
	db: Db;
	fetch: typeof fetch;
	now: () => Date;
	/** One attempt is abandoned after this long (10 s) and counted as a failure. */
	timeoutMs: number;
	/** The queue's longest `delaySeconds` (12 hours on Cloudflare Queues). */
	maxDelaySeconds: number;
};

export const webhookDeps = (env: Env, overrides: Partial<WebhookDeps> = {}): WebhookDeps => ({
	env,
	db: createDb(env.DB),
	fetch: (input, init) => fetch(input, init),
	now: () => new Date(),
	timeoutMs: 10_000,
	maxDelaySeconds: 43_200,
	...overrides,
});

/** What became of one message: done (ack) or another attempt after this many seconds. */
type Outcome = { retryInSeconds: number | null };
const DONE: Outcome = { retryInSeconds: null };

/** Delivers each message of a WEBHOOKS batch (in parallel); a failed attempt is retried with backoff. */
export async function handleWebhooksBatch(batch: MessageBatch<unknown>, deps: WebhookDeps): Promise<void> {
	await Promise.all(
		batch.messages.map(async (message) => {
			const parsed = WebhookDeliveryMessageSchema.safeParse(message.body);
			if (!parsed.success) {
				console.error(JSON.stringify({ queue: batch.queue, id: message.id, error: "not a webhook delivery" }));
				return message.ack();
			}
			try {
				const outcome = await deliver(parsed.data, deps);
				if (outcome.retryInSeconds === null) message.ack();
				else message.retry({ delaySeconds: outcome.retryInSeconds });
			} catch (error) {
				console.error(JSON.stringify({ delivery: parsed.data.delivery_id, error: String(error) }));
				message.retry({ delaySeconds: 30 });
			}
		}),
	);
}

/** Deliveries whose messages exhausted the queue's retries (the consumer kept failing): marked failed. */
export async function handleWebhookDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
	const db = createDb(env.DB);
	for (const message of batch.messages) {
		const parsed = WebhookDeliveryMessageSchema.safeParse(message.body);
		if (parsed.success) await failDeliveryStatement(db, parsed.data.delivery_id);
		message.ack();
	}
}

async function loadDelivery(db: Db, m: WebhookDeliveryMessage, now: Date): Promise<WebhookDeliveryRow | undefined> {
	if (m.body === undefined || m.event_type === undefined)
		return findDelivery(db, m.workspace_id, m.endpoint_id, m.delivery_id);
	const row = {
		id: m.delivery_id,
		workspaceId: m.workspace_id,
		endpointId: m.endpoint_id,
		eventType: m.event_type,
		body: m.body,
	};
	return recordAndLoadDelivery(db, row, deliveryContact(m.event_type, m.body), now);
}

/** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
async function signingSecrets(env: Env, endpoint: WebhookEndpointRow, now: Date): Promise<string[]> {
	const key = providerKeySecret(env);
	const current = await open(key, secretOwner(endpoint.id), endpoint.secretSealed);
	if (!current) return [];
	const overlapping =
		endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
	const previous = overlapping ? await open(key, secretOwner(endpoint.id), endpoint.previousSecretSealed ?? "") : null;
	return previous ? [current, previous] : [current];
}

async function deliver(m: WebhookDeliveryMessage, deps: WebhookDeps): Promise<Outcome> {
	const { db } = deps;
	const endpoint = await findEndpoint(db, m.workspace_id, m.endpoint_id);
	if (!endpoint) return DONE; // deleted: its deliveries went with it
	const delivery = await loadDelivery(db, m, deps.now());
	if (delivery?.status !== "pending") return DONE; // a redelivered message, already settled (or its contact erased)
	if (!endpoint.enabled) {
		await failDeliveryStatement(db, delivery.id);
		return DONE;
	}
	const now = deps.now();
	const attempt = await attemptOnce(endpoint, delivery, deps, now);
	const round = delivery.roundAttempts + 1;
	if (attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300) {
		await db.batch([
			recordAttemptStatement(db, delivery, attempt, "succeeded", round),
			markHealthyStatement(db, endpoint.id),
		]);
		return DONE;
	}
	const delay = retryDelaySeconds(round, deps.maxDelaySeconds);
	await recordAttemptStatement(db, delivery, attempt, delay === null ? "failed" : "pending", round);
	const failingSince = await markFailing(db, endpoint.id, now);
	if (await disableFailingEndpoint(deps.env, db, endpoint, failingSince, now)) return DONE;
	return { retryInSeconds: delay };
}

/** One signed POST, timed; never throws (a refused URL, a timeout or a network error is an attempt's error). */
async function attemptOnce(
	endpoint: WebhookEndpointRow,
	delivery: WebhookDeliveryRow,
	deps: WebhookDeps,
	now: Date,
): Promise<WebhookAttempt> {
	const at = now.toISOString();
	const problem = await webhookDestinationProblem(deps.env, endpoint.url, deps.fetch, deliversLocally(deps.env));
	if (problem) return { at, status_code: null, duration_ms: 0, error: problem };
	const secrets = await signingSecrets(deps.env, endpoint, now);
	if (secrets.length === 0)
		return { at, status_code: null, duration_ms: 0, error: "The signing secret no longer opens: rotate it" };
	const headers = await signedHeaders(secrets, delivery.id, Math.floor(now.getTime() / 1000), delivery.body);
	const started = Date.now();
	try {
		const response = await deps.fetch(endpoint.url, {
			method: "POST",
			headers: { ...headers, "user-agent": "Pulse-Webhooks/1" },
			body: delivery.body,
			// A redirect is a failed attempt, never followed: it could lead into a private network.
			redirect: "manual",
			signal: AbortSignal.timeout(deps.timeoutMs),
		});
		await response.body?.cancel();
		const duration_ms = Date.now() - started;
		const ok = response.status >= 200 && response.status < 300;
		return ok
			? { at, status_code: response.status, duration_ms }
			: { at, status_code: response.status, duration_ms, error: `HTTP ${response.status}` };
	} catch (error) {
		const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
		const message = timedOut ? `No answer within ${deps.timeoutMs / 1000} s` : String(error).slice(0, 300);
		return { at, status_code: null, duration_ms: Date.now() - started, error: message };
	}
}
