import type { AbPhase } from "../worker/contracts/ab";
import type { LiveMessage } from "../worker/contracts/live";
import { abTestOf, contactsWithMessages, mirrorAbPhase, variantsOf } from "../worker/db/ab";
import { createDb } from "../worker/db/client";
import { assignVariant } from "../worker/domain/ab/assign";
import { abDue } from "../worker/domain/ab/phase";
import { parseDuration } from "../worker/domain/journeys/duration";
import { evaluateAbTest } from "../worker/services/ab-results";
import { chunkIdOf, type FanoutCampaign } from "../worker/services/fanout";
import type { State } from "./campaign-state";

/**
 * The A/B phases of a campaign object (issue #16), kept in its durable state so they survive eviction:
 * testing (the test group's fan-out, then waiting for the result) → deciding → sending_winner (a normal paced
 * fan-out to everyone without a message yet) → done. D1 mirrors the phase and the winner for reads.
 */
export type AbState = {
	phase: AbPhase;
	variantIds: string[];
	testPercent: number;
	startedAt: number;
	durationMs: number;
	autoSendWinner: boolean;
	lastEarlyCheck: number;
	winnerId: string | null;
};

type Winner = { variantId: string; significant: boolean; reason: string };
type Put = (state: State) => Promise<void>;
/** Tells the campaign's live sockets (the dashboard's results panel) that the phase or the winner changed. */
export type Announce = (message: Extract<LiveMessage, { type: "ab" }>) => void;
/** How the phases reach the campaign object: its state store and its live sockets. */
export type AbHost = { put: Put; announce: Announce };

/** D1's mirror of the phase (and winner), then the live sockets. */
async function mirror(env: Env, announce: Announce, campaignId: string, change: Parameters<typeof mirrorAbPhase>[2]) {
	await mirrorAbPhase(createDb(env.DB), campaignId, change);
	const w = change.winner;
	announce({
		type: "ab",
		phase: change.phase,
		...(w
			? {
					winner: {
						variant_id: w.variantId,
						significant: w.significant,
						reason: w.reason,
						decided_at: new Date(w.decidedAt).toISOString(),
					},
				}
			: {}),
	});
}

/** The campaign's test as sending starts (null for a plain campaign): the phase clock starts now. */
export async function startAb(env: Env, campaignId: string, now: number, announce: Announce): Promise<AbState | null> {
	const db = createDb(env.DB);
	const [test, variants] = await Promise.all([abTestOf(db, campaignId), variantsOf(db, campaignId)]);
	if (!test || variants.length < 2) return null;
	await mirror(env, announce, campaignId, { phase: "testing", startedAt: now });
	return {
		phase: "testing",
		variantIds: variants.map((v) => v.id),
		testPercent: test.testPercent,
		startedAt: now,
		durationMs: parseDuration(test.duration) ?? 0,
		autoSendWinner: test.autoSendWinner,
		lastEarlyCheck: 0,
		winnerId: null,
	};
}

/**
 * Who the fan-out mails in this phase, and with which variant: the test group by the stable assignment while
 * testing; in the winner phase everyone the campaign has not mailed yet, so nobody ever gets two variants.
 */
export function abPicker(env: Env, state: State): FanoutCampaign["pickVariants"] {
	const ab = state.ab;
	if (!ab) return undefined;
	if (ab.phase === "testing")
		return async (contactIds) => {
			const picked = new Map<string, string>();
			for (const id of contactIds) {
				const a = assignVariant(state.campaignId, id, ab.variantIds, ab.testPercent);
				if (a.group === "test") picked.set(id, a.variantId);
			}
			return picked;
		};
	const winner = ab.winnerId;
	if (ab.phase === "sending_winner" && winner)
		return async (contactIds) => {
			const mailed = await contactsWithMessages(createDb(env.DB), state.campaignId, contactIds);
			return new Map(contactIds.filter((id) => !mailed.has(id)).map((id) => [id, winner]));
		};
	return async () => new Map();
}

/** While the test runs or waits for a decision the campaign cannot complete. */
export const abHoldsCompletion = (state: State) => state.ab?.phase === "testing" || state.ab?.phase === "deciding";

/** The winner phase: a fresh fan-out over the audience from the start, its chunks after the test's. */
async function startWinner(env: Env, state: State, winner: Winner, now: number, host: AbHost) {
	const ab = state.ab;
	if (!ab) return;
	const winnerFromChunk = chunkIdOf(state.campaignId, state.position.seq);
	// D1 first: if the object dies before its own state is stored, the decision is simply taken again.
	await mirror(env, host.announce, state.campaignId, {
		phase: "sending_winner",
		winner: { ...winner, decidedAt: now },
		winnerFromChunk,
	});
	await host.put({
		...state,
		position: { cursor: "", seq: state.position.seq },
		fanoutDone: false,
		ab: { ...ab, phase: "sending_winner", winnerId: winner.variantId },
	});
}

/**
 * The alarm's A/B step (the campaign is sending): at the end of the test, or at an early-stop check, decide from
 * D1's counts. With auto-send the winner's fan-out starts; without it the campaign waits in `deciding` for a person,
 * showing the result as the suggested winner.
 */
export async function abStep(env: Env, state: State, now: number, host: AbHost): Promise<void> {
	const ab = state.ab;
	if (!ab || state.status !== "sending") return;
	const due = abDue(ab, now, state.fanoutDone);
	if (!due) return;
	if (due === "early") {
		const checked = { ...state, ab: { ...ab, lastEarlyCheck: now } };
		const evaluated = await evaluateAbTest(env, state.campaignId, { now, final: false });
		const winner = evaluated?.decision.winner;
		if (winner) await startWinner(env, checked, winner, now, host);
		else await host.put(checked);
		return;
	}
	const deciding = { ...state, ab: { ...ab, phase: "deciding" as const } };
	if (ab.phase !== "deciding") {
		await mirror(env, host.announce, state.campaignId, { phase: "deciding" });
		await host.put(deciding);
	}
	const evaluated = await evaluateAbTest(env, state.campaignId, { now, final: true });
	const winner = evaluated?.decision.winner;
	if (!winner) return;
	if (ab.autoSendWinner) await startWinner(env, deciding, winner, now, host);
	else
		await mirror(env, host.announce, state.campaignId, {
			phase: "deciding",
			winner: { ...winner, decidedAt: now },
		});
}

export type PickResult = { ok: true } | { ok: false; reason: string; code: "conflict" | "unknown_variant" };

/** A person picks the winner (during the test or while it waits for a decision): the winner phase starts now. */
export async function pickWinner(env: Env, state: State | null, variantId: string, now: number, host: AbHost) {
	const ab = state?.ab;
	if (!state || !ab)
		return { ok: false, code: "conflict", reason: "This campaign's A/B test has not started" } as const;
	if (state.status !== "sending" && state.status !== "paused")
		return { ok: false, code: "conflict", reason: `A ${state.status} campaign cannot send a winner` } as const;
	if (ab.phase !== "testing" && ab.phase !== "deciding")
		return { ok: false, code: "conflict", reason: `The winner was already chosen (phase ${ab.phase})` } as const;
	if (!ab.variantIds.includes(variantId))
		return { ok: false, code: "unknown_variant", reason: "No such variant in this test" } as const;
	const evaluated = await evaluateAbTest(env, state.campaignId, { now, final: true });
	const suggested = evaluated?.decision.winner;
	const nameOf = (id: string) => evaluated?.variants.find((v) => v.id === id)?.name ?? id;
	const agrees = suggested?.variantId === variantId;
	// The test's own wording ("A is sent by default") would contradict a person who chose otherwise.
	const reason = agrees
		? `${nameOf(variantId)} picked by a person. ${suggested.reason}`
		: suggested
			? `${nameOf(variantId)} picked by a person over the test's suggestion (${nameOf(suggested.variantId)})`
			: `${nameOf(variantId)} picked by a person`;
	await startWinner(
		env,
		state,
		{ variantId, significant: agrees && Boolean(suggested?.significant), reason },
		now,
		host,
	);
	return { ok: true } as const;
}

/**
 * The campaign ended (completed, or cancelled in any phase): its test is done, so nothing decides or sends a winner
 * any more. A winner already decided (or suggested while deciding) stays on record.
 */
export async function abEnded(env: Env, state: State, announce: Announce): Promise<State> {
	if (!state.ab || state.ab.phase === "done") return state;
	await mirror(env, announce, state.campaignId, { phase: "done" });
	return { ...state, ab: { ...state.ab, phase: "done" } };
}
