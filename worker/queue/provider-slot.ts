import { providerAccount } from "../config";
import type { EmailProvider, OutboundEmail } from "./providers/provider";

/**
 * What a send goes through: the provider, its account's limit, and the account's name (the limiter's; absent:
 * the operator's RESEND_API_KEY account). A workspace with its own key has its own account.
 */
export type SlotDeps = { env: Env; provider: EmailProvider; requestsPerSecond: number | null; account?: string };

/** A provider's "slow down" (429) is retried right here, in a later slot, this many times. */
const RATE_LIMITED_RETRIES_IN_PLACE = 3;
/** A call that fails without an answer within this long never reached a provider's timeout: it is tried again at once. */
const QUICK_FAILURE_MS = 500;
/** Longer waits than this go back to the queue instead of holding the consumer. */
const MAX_IN_PLACE_WAIT_MS = 10_000;

/**
 * Providers limit to a few, at most a few dozen, requests a second; a "limit" of this many means none,
 * and the limiter's round trips (the slot, and the gate's two per request) are skipped.
 */
const UNGATED_RATE = 1000;

/** Waits until a time; always through a timer, so the clock reads fresh afterwards (Workers advance it on I/O). */
export const sleepUntil = async (at: number) => {
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
};

/** Whether the account's limiter is asked at all: not when there is no limit, or one that means none. */
const limited = (rate: number | null): rate is number => rate !== null && rate > 0 && rate < UNGATED_RATE;

/** The provider account's limiter, shared by every workspace and every kind of send. */
const limiterOf = async (deps: SlotDeps) =>
	deps.env.RATE_LIMITER.getByName(deps.account ?? (await providerAccount(deps.env)));

/**
 * Reserves the provider account's next slot (shared by every workspace's sends; a workspace's own, lower rate is
 * kept by its campaign's pacing) and answers when it is, in ms since the epoch; null when sends are not limited
 * (then no round trip to the limiter is made, and a `retry-after` is waited out by the caller). `notBeforeMs`
 * honours a `retry-after`.
 */
export async function reserveSlot(deps: SlotDeps, notBeforeMs = 0): Promise<number | null> {
	if (!limited(deps.requestsPerSecond)) return null;
	const wait = await (await limiterOf(deps)).acquire(deps.requestsPerSecond, notBeforeMs);
	return Date.now() + wait;
}

/**
 * One provider call through the account's gate: it leaves only when no one-second window would hold
 * more than the limit, counting earlier requests until their answers came back; the limit the answer states
 * (`ratelimit-*`) tells the gate how the following requests may leave.
 */
async function sendThroughGate(deps: SlotDeps, emails: OutboundEmail[], chunkId: string) {
	const rate = deps.requestsPerSecond;
	if (!limited(rate)) return deps.provider.sendBatch(emails, chunkId);
	const limiter = await limiterOf(deps);
	let gate = await limiter.depart(rate);
	while (gate.wait > 0) {
		await new Promise((resolve) => setTimeout(resolve, gate.wait));
		gate = await limiter.depart(rate);
	}
	let result: Awaited<ReturnType<EmailProvider["sendBatch"]>> | undefined;
	try {
		result = await deps.provider.sendBatch(emails, chunkId);
		return result;
	} finally {
		await limiter.landed(gate.at, result?.rate);
	}
}

/**
 * Sends at the slot already waited for, retrying a 429 in the account's next slots (honouring
 * `retry-after`): a refused batch sent nothing, and the idempotency key stays the same. A connection lost at once
 * is retried once in place, with the same key.
 */
export async function sendRetryingRateLimits(deps: SlotDeps, emails: OutboundEmail[], chunkId: string) {
	const started = Date.now();
	let result = await sendThroughGate(deps, emails, chunkId);
	// A call that failed at once without an answer (a pooled connection the provider had just closed) is tried again
	// at once, with the same key: the provider answers a replay if the first one reached it after all.
	if (!result.ok && result.status === null && Date.now() - started < QUICK_FAILURE_MS)
		result = await sendThroughGate(deps, emails, chunkId);
	for (let retry = 0; retry < RATE_LIMITED_RETRIES_IN_PLACE; retry++) {
		if (result.ok || result.status !== 429 || (result.retryAfterMs ?? 0) > MAX_IN_PLACE_WAIT_MS) break;
		const slot = await reserveSlot(deps, result.retryAfterMs ?? 1000);
		await sleepUntil(slot ?? Date.now() + (result.retryAfterMs ?? 1000));
		result = await sendThroughGate(deps, emails, chunkId);
	}
	return result;
}

/**
 * A provider whose every call takes the account's next slot and passes its gate, as a chunk does: sends made
 * outside the SENDS queue (test sends) share the provider limit with every workspace's campaigns.
 */
export function gatedProvider(deps: SlotDeps): EmailProvider {
	return {
		name: deps.provider.name,
		async sendBatch(emails, idempotencyKey) {
			const slot = await reserveSlot(deps);
			if (slot !== null) await sleepUntil(slot);
			return sendRetryingRateLimits(deps, emails, idempotencyKey);
		},
	};
}
