import type { JourneyDefinition } from "../../contracts/journeys";
import type { PropertyRule } from "../../contracts/segments";
import { evaluateSegment } from "../segments/evaluate";
import { type Enrollment, type ExecContext, exitEnrollment, isOver, type JourneyEvent, record } from "./enrollment";
import { type Advance, advance, contactGone, moveTo, run } from "./executor";

/*
 * Events reaching an enrollment: the event a wait_event waits for (its name, `where` rules, and the entry's
 * property such as the same `cart_id`), and the journey's exit conditions (a goal event, leaving a segment).
 */

const NOBODY = {
	id: "",
	email: "",
	first_name: null,
	last_name: null,
	status: "subscribed",
	created_at: 0,
	timezone: null,
	locale: null,
	attributes: {},
};

/** The event has the name and satisfies every property rule (the segment evaluator's own comparisons). */
export function eventMatches(event: JourneyEvent, name: string, where: PropertyRule[] | undefined): boolean {
	if (event.name !== name) return false;
	if (!where || where.length === 0) return true;
	const rule = { event: name, count: { op: "gte" as const, value: 1 }, where };
	const related = { tags: [], events: [{ ...event, occurred_at: event.occurredAt }], tracking: [], messages: [] };
	return evaluateSegment({ all: [rule] }, NOBODY, related, event.occurredAt);
}

export type EventOutcome = Advance & { matched: boolean };

/**
 * An event for the enrollment's contact. When it is the awaited one (after the wait began, before its timeout,
 * with the entry's property value when the node names one), the enrollment takes `on_event` and runs on.
 */
export function onEvent(
	definition: JourneyDefinition,
	enrollment: Enrollment,
	event: JourneyEvent,
	ctx: ExecContext,
): EventOutcome {
	const unchanged = { enrollment, effects: [], matched: false };
	const waiting = enrollment.waiting;
	const node = definition.nodes[enrollment.nodeId];
	if (enrollment.status !== "waiting" || !waiting || node?.type !== "wait_event") return unchanged;
	if (event.occurredAt < waiting.startedAt || event.occurredAt >= waiting.timeoutAt) return unchanged;
	if (!eventMatches(event, waiting.event, node.where)) return unchanged;
	if (node.match_entry_property !== undefined) {
		const value = event.properties[node.match_entry_property];
		if (waiting.matchValue === undefined || value !== waiting.matchValue) return unchanged;
	}
	const gone = contactGone(enrollment, ctx);
	if (gone) return { enrollment: gone, effects: [], matched: true };
	const moved = moveTo(definition, record(enrollment, enrollment.nodeId, ctx.now, "event"), waiting.onEvent, ctx.now);
	return { ...run(definition, moved, ctx), matched: true };
}

/** The wait's timeout (the shard's alarm at `timeoutAt`): takes `on_timeout` and runs on. Same as advance. */
export const onTimeout = advance;

/** A goal or exit event from the journey's exit conditions ends the enrollment with reason "goal". */
export function exitOnEvent(definition: JourneyDefinition, enrollment: Enrollment, event: JourneyEvent): Enrollment {
	if (isOver(enrollment) || event.occurredAt < enrollment.enteredAt) return enrollment;
	const hit = (definition.exit ?? []).some((x) => x.type === "event" && eventMatches(event, x.event, x.where));
	return hit ? exitEnrollment(enrollment, "goal", event.occurredAt) : enrollment;
}

/** Leaving a segment named in the exit conditions ends the enrollment with reason "segment_leave". */
export function exitOnSegmentLeave(
	definition: JourneyDefinition,
	enrollment: Enrollment,
	segmentId: string,
	now: number,
): Enrollment {
	const hit = (definition.exit ?? []).some((x) => x.type === "segment_leave" && x.segment_id === segmentId);
	return hit ? exitEnrollment(enrollment, "segment_leave", now) : enrollment;
}
