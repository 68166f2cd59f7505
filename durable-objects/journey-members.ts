import type { SeedRequest } from "../worker/contracts/journey-shard";
import type { JourneyDefinition } from "../worker/contracts/journeys";
import type { EngineJourney } from "../worker/db/journey-engine";
import { type Enrollment, isOver } from "../worker/domain/journeys/enrollment";
import { exitOnSegmentLeave } from "../worker/domain/journeys/waits";
import { enter, type Step } from "./journey-steps";
import type { JourneyStore } from "./journey-store";

/*
 * A page of a segment's members given to this shard (activation, or a reconciliation pass; see journey-seeding.ts):
 * who is new to the segment here, and (a reconciliation page) who was recorded in the page's id range but is no
 * longer in the segment. Read first; then applied in one transaction.
 */

export type SeedPlan = { fresh: string[]; left: string[]; leaving: Enrollment[] };

export function planSeed(store: JourneyStore, request: SeedRequest): SeedPlan {
	const fresh = request.contactIds.filter((id) => !store.isSegmentMember(request.segmentId, id));
	const given = new Set(request.contactIds);
	const left = request.range
		? store
				.segmentMembersBetween(request.segmentId, request.range.after, request.range.upTo)
				.filter((id) => !given.has(id))
		: [];
	const leaving = left.flatMap((id) => store.ofContact(id)).filter((e) => !isOver(e));
	return { fresh, left, leaving };
}

/** Records the changes; members who left exit when the journey exits on leaving the segment; answers how many entered. */
export function applySeed(
	store: JourneyStore,
	journey: EngineJourney,
	definitions: Map<number, JourneyDefinition>,
	step: Step | null,
	request: SeedRequest,
	plan: SeedPlan,
	now: number,
): number {
	for (const contactId of plan.left) store.segmentMember(request.segmentId, contactId, false);
	for (const e of plan.leaving) {
		const after = exitOnSegmentLeave(definitions.get(e.version) ?? journey.definition, e, request.segmentId, now);
		if (after !== e) store.save(e, after, [], now);
	}
	let entered = 0;
	for (const contactId of plan.fresh) {
		// Recorded here, in the transaction: a page given twice at once (two walks) enters each contact once.
		const fresh = store.segmentMember(request.segmentId, contactId, true);
		if (fresh && step && enter(step, { contactId }).ok) entered++;
	}
	return entered;
}
