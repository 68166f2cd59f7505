import type { StatsDelta } from "../worker/contracts/live";
import { audienceDefinition } from "../worker/db/campaigns";
import { createDb } from "../worker/db/client";
import { emptyDelta, mergeDelta } from "../worker/domain/tracking/live-stats";
import { enqueueSends, fanoutSteps, MAX_CHUNKS_PER_STEP } from "../worker/services/fanout";
import { abPicker } from "./ab-phase";
import type { State } from "./campaign-state";

/**
 * One fan-out tick of a sending campaign: up to `chunksPerTick` chunks of the audience (in the A/B phase's
 * group, with its variants) are written and enqueued, the cursor stored after each step. Answers what the
 * new messages add to the live numbers.
 */
export async function fanoutTick(
	env: Env,
	start: State,
	store: (state: State) => Promise<void>,
	current: () => State | null,
): Promise<StatsDelta> {
	let state = start;
	const fanout = {
		campaignId: state.campaignId,
		workspaceId: state.workspaceId,
		segmentDefinition: await audienceDefinition(createDb(env.DB), state.campaignId),
		pickVariants: abPicker(env, state),
	};
	const added = emptyDelta();
	for (let made = 0; made < state.chunksPerTick && !state.fanoutDone; made += MAX_CHUNKS_PER_STEP) {
		const steps = Math.min(MAX_CHUNKS_PER_STEP, state.chunksPerTick - made);
		const step = await fanoutSteps(env.DB, fanout, state.position, state.chunkSize, steps);
		await enqueueSends(env.SENDS, step.chunks);
		mergeDelta(added, step.added);
		state = { ...state, position: step.next, fanoutDone: step.done };
		// Persisted after the enqueue: a crash in between replays the steps, which insert nothing new.
		await store(state);
		// A command that arrived meanwhile (pause, cancel) stops the tick.
		if (current()?.status !== "sending") break;
	}
	return added;
}
