import { tokenSecret } from "../worker/config";
import { createDb } from "../worker/db/client";
import { existingContactIds } from "../worker/db/contact-ids";
import { tagsOfContacts } from "../worker/db/contacts";
import type { Effect } from "../worker/domain/journeys/enrollment";
import { patchContact } from "../worker/services/contacts-write";
import type { JourneySend } from "../worker/services/journey-sends";
import { notifyJourneyError } from "../worker/services/notify-ops";
import { deliversLocally, webhookDestinationProblem } from "../worker/services/webhook-fetch";
import type { StoredEffect } from "./journey-store";

/*
 * Runs a shard's pending effects (at least once; each carries the idempotency key enrollment:node:iteration, so a
 * retry after a crash is harmless): sends go to the one send pipeline in one call per batch, contact updates through
 * the contacts write service (setting the same attributes and tags twice changes nothing), webhooks as signed POSTs.
 * Answers, per effect key, whether it is done or when to try again.
 */

export type SendDispatcher = (env: Env, sends: JourneySend[]) => Promise<void>;

/** `cancelled`: not run, its contact is gone (erased since the step that made it). */
export type EffectOutcome =
	| { key: string; ok: true; cancelled?: true }
	| { key: string; ok: false; error: string; retryAt: number | null };

/** Webhook attempts: 30 s, 2 min, 10 min, 1 h, 6 h, then given up (recorded failed). */
const WEBHOOK_RETRY_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];
const WEBHOOK_TIMEOUT_MS = 10_000;

export const retryAt = (attempts: number, now: number) => {
	const wait = WEBHOOK_RETRY_MS[attempts];
	return wait === undefined ? null : now + wait;
};

type Job = { workspaceId: string; journeyId: string; now: number; dispatch: SendDispatcher };

export async function runEffects(env: Env, job: Job, all: StoredEffect[]): Promise<EffectOutcome[]> {
	// An erased contact is sent nothing, by email or webhook (erasure cancels their effects; this covers one made
	// meanwhile). A contact update for them fails on its own, writing nothing.
	const carriesContact = (p: StoredEffect) => p.effect.type === "send_email" || p.effect.type === "webhook";
	const present = await existingContactIds(
		createDb(env.DB),
		job.workspaceId,
		all.filter(carriesContact).map((p) => p.contactId),
	);
	const gone = (p: StoredEffect) => carriesContact(p) && !present.has(p.contactId);
	const pending = all.filter((p) => !gone(p));
	const outcomes: EffectOutcome[] = all.filter(gone).map((p) => ({ key: p.key, ok: true, cancelled: true }));
	const sends = pending.filter((p) => p.effect.type === "send_email");
	const others = pending.filter((p) => p.effect.type !== "send_email");
	if (sends.length > 0) {
		try {
			await job.dispatch(
				env,
				sends.flatMap(({ key, contactId, effect }) =>
					effect.type === "send_email"
						? [
								{
									key,
									workspaceId: job.workspaceId,
									journeyId: job.journeyId,
									nodeId: effect.nodeId,
									templateId: effect.templateId,
									contactId,
									transactional: effect.transactional,
									...(effect.fromName !== undefined && { fromName: effect.fromName }),
									...(effect.fromEmail !== undefined && { fromEmail: effect.fromEmail }),
								},
							]
						: [],
				),
			);
			for (const s of sends) outcomes.push({ key: s.key, ok: true });
		} catch (error) {
			for (const s of sends) outcomes.push({ key: s.key, ok: false, error: String(error), retryAt: job.now + 30_000 });
		}
	}
	for (const item of others) {
		try {
			await runOne(env, job, item.contactId, item.effect);
			outcomes.push({ key: item.key, ok: true });
		} catch (error) {
			outcomes.push({ key: item.key, ok: false, error: String(error), retryAt: retryAt(item.attempts, job.now) });
		}
	}
	const givenUp = outcomes.flatMap((o) => (!o.ok && o.retryAt === null ? [o.error] : []));
	await notifyJourneyError(env, job.workspaceId, job.journeyId, givenUp, job.now);
	return outcomes;
}

async function runOne(env: Env, job: Job, contactId: string, effect: Effect) {
	if (effect.type === "update_contact") {
		const db = createDb(env.DB);
		const current = (await tagsOfContacts(db, [contactId])).get(contactId) ?? [];
		const remove = new Set(effect.removeTags);
		const tags = [...new Set([...current, ...effect.addTags])].filter((t) => !remove.has(t));
		const actor = {
			kind: "api_key" as const,
			apiKeyId: `journey:${job.journeyId}`,
			workspaceId: job.workspaceId,
			role: "editor" as const,
		};
		const changesTags = effect.addTags.length > 0 || effect.removeTags.length > 0;
		await patchContact(env, { actor, ip: null }, contactId, {
			attributes: effect.setAttributes,
			...(changesTags && { tags }),
		});
		return;
	}
	if (effect.type === "webhook") {
		const body = JSON.stringify(effect.body);
		const headers = await signedJourneyHeaders(
			env,
			job.workspaceId,
			effect.idempotencyKey,
			Math.floor(job.now / 1000),
			body,
		);
		// Checked again before each call (DNS may have changed since activation); a redirect is a failure, never followed.
		const refused = await webhookDestinationProblem(env, effect.url, fetch, deliversLocally(env));
		if (refused) throw new Error(refused);
		const res = await fetch(effect.url, {
			method: "POST",
			headers,
			body,
			redirect: "manual",
			signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
		});
		if (!res.ok) throw new Error(`webhook answered ${res.status}`);
		return;
	}
	throw new Error(`unexpected effect ${effect.type}`);
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

async function hmac(key: BufferSource, text: string) {
	const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	return crypto.subtle.sign("HMAC", k, new TextEncoder().encode(text));
}

/**
 * The workspace's journey webhook secret: derived from TOKEN_SECRET (`whsec_` + base64 of
 * HMAC-SHA256(TOKEN_SECRET, "journey-webhook:<workspace id>")), so nothing is stored.
 */
export async function journeyWebhookSecret(env: Env, workspaceId: string): Promise<string> {
	const secret = new TextEncoder().encode(tokenSecret(env));
	return `whsec_${toBase64(await hmac(secret, `journey-webhook:${workspaceId}`))}`;
}

/** Standard Webhooks headers: `webhook-id` (the effect's key), `webhook-timestamp`, `webhook-signature: v1,<sig>`. */
export async function signedJourneyHeaders(env: Env, workspaceId: string, id: string, timestamp: number, body: string) {
	const secret = await journeyWebhookSecret(env, workspaceId);
	const key = Uint8Array.from(atob(secret.slice("whsec_".length)), (c) => c.charCodeAt(0));
	const signature = toBase64(await hmac(key, `${id}.${timestamp}.${body}`));
	return {
		"content-type": "application/json",
		"user-agent": "Pulse-Journeys/1",
		"webhook-id": id,
		"webhook-timestamp": String(timestamp),
		"webhook-signature": `v1,${signature}`,
	};
}
