import { hasOutstandingChunks } from "../worker/db/chunks";
import { createDb } from "../worker/db/client";
import { abNextDueAt } from "../worker/domain/ab/phase";
import { abHoldsCompletion } from "./ab-phase";
import type { State } from "./campaign-state";
import { SETTLE_CHECK_MS, staleChunkMs, stallCheckEvery, TICK_MS } from "./campaign-timing";

/**
 * When a campaign object should wake next (null: no alarm): at the scheduled time, every tick during the
 * fan-out, every few seconds while chunks settle, when a provider quota resets, and while a cancelled
 * campaign still has chunks to settle. Once an A/B test group has settled, only when the test next needs it
 * (its end, an early-stop check), not every few seconds for the hours or days a test or a person's pick takes.
 */
export async function nextAlarmAt(env: Env, state: State | null, now: number): Promise<number | null> {
	const checkEvery = stallCheckEvery(staleChunkMs(env));
	if (state?.status === "scheduled" && state.sendAt !== null) return state.sendAt;
	if (state?.status === "sending" && !state.fanoutDone) return now + TICK_MS;
	// completion and stalled-chunk check, in case a report or a queue message was lost
	if (state?.status === "sending") {
		const settle = now + Math.min(SETTLE_CHECK_MS, checkEvery);
		if (!state.ab || !abHoldsCompletion(state)) return settle;
		if (await hasOutstandingChunks(createDb(env.DB), state.campaignId)) return settle;
		const due = abNextDueAt(state.ab);
		return due === null ? null : Math.max(due, settle);
	}
	if (state?.status === "paused" && state.pauseReason?.code === "provider_quota")
		return Date.parse(state.pauseReason.resumes_at);
	if (state?.status === "cancelled" && (await hasOutstandingChunks(createDb(env.DB), state.campaignId)))
		return now + checkEvery;
	return null;
}
