import type { EnrollRequest, EnrollResult, ShardInput } from "../worker/contracts/journey-shard";
import type { JourneyDefinition } from "../worker/contracts/journeys";
import type { EngineJourney } from "../worker/db/journey-engine";
import { newId } from "../worker/domain/ids";
import { type Enrollment, enroll, exitEnrollment, isOver, record } from "../worker/domain/journeys/enrollment";
import { advance, moveTo } from "../worker/domain/journeys/executor";
import { mayEnter, migrate } from "../worker/domain/journeys/reentry";
import { eventMatches, exitOnEvent, exitOnSegmentLeave, onEvent } from "../worker/domain/journeys/waits";
import type { BatchContexts } from "../worker/services/journey-context";
import type { JourneyStore } from "./journey-store";

/*
 * The shard's synchronous steps (run inside one storage transaction, after everything they read from D1 was
 * loaded): entries, due enrollments, events, unsubscribes and segment changes. Each stores the enrollment's new
 * state together with its effects, so a crash leaves either both or neither.
 */

export type Step = {
	store: JourneyStore;
	journey: EngineJourney;
	definitions: Map<number, JourneyDefinition>;
	contexts: BatchContexts;
	now: number;
};

/** The enrollment on the current version when its node still exists there (migrate), with its definition. */
function current(step: Step, e: Enrollment): { e: Enrollment; definition: JourneyDefinition | undefined } {
	const own = step.definitions.get(e.version);
	const moved = own ? migrate(e, own, { definition: step.journey.definition, version: step.journey.version }) : e;
	return { e: moved, definition: step.definitions.get(moved.version) };
}

export function enter(step: Step, request: EnrollRequest): EnrollResult {
	const { store, journey, now } = step;
	const contactId = request.contactId;
	if (request.key !== undefined && !store.firstSeen(request.key, now))
		return { contactId, ok: false, reason: "already_entered" };
	const previous = store.ofContact(contactId);
	const decision = mayEnter(journey.definition.reentry, previous, now);
	if (!decision.ok) return { contactId, ok: false, reason: decision.reason };
	const id = newId("enr", now);
	const ctx = step.contexts.context(contactId, id);
	if (!ctx) return { contactId, ok: false, reason: "unknown_contact" };
	if (ctx.contact.status !== "subscribed") return { contactId, ok: false, reason: "not_subscribed" };
	const entered = enroll(journey.definition, {
		id,
		journeyId: journey.id,
		contactId,
		version: journey.version,
		entryProperties: request.properties ?? {},
		now,
	});
	if (request.startAt !== undefined && request.startAt > now)
		store.save(null, { ...entered, dueAt: request.startAt }, [], now);
	else {
		const next = advance(journey.definition, entered, ctx);
		store.save(null, next.enrollment, next.effects, now);
	}
	return { contactId, ok: true, enrollmentId: id };
}

/** A due enrollment takes its next steps (a contact erased meanwhile leaves). */
export function stepDue(step: Step, before: Enrollment) {
	const { e, definition } = current(step, before);
	const ctx = step.contexts.context(e.contactId, e.id);
	if (!ctx) {
		eraseFromShard(step.store, e.contactId, step.now);
		return;
	}
	if (!definition) {
		step.store.save(before, exitEnrollment(e, "missing_version", step.now), [], step.now);
		return;
	}
	const next = advance(definition, e, { ...ctx, now: step.now });
	step.store.save(before, next.enrollment, next.effects, step.now);
}

/**
 * A contact erased (or found gone): each of their enrollments in flight exits (`contact_gone`), and none keeps
 * personal data (entry properties, webhook bodies); their effects not yet run are cancelled. Answers how many exited.
 */
export function eraseFromShard(store: JourneyStore, contactId: string, now: number): number {
	const inFlight = store.ofContact(contactId).filter((e) => !isOver(e));
	for (const e of inFlight) store.save(e, exitEnrollment(e, "contact_gone", now), [], now);
	store.blankContact(contactId);
	return inFlight.length;
}

export function applyInput(step: Step, input: ShardInput) {
	const { store, journey, now } = step;
	if (!store.firstSeen(input.key, now)) return;
	const inFlight = store.ofContact(input.contactId).filter((e) => !isOver(e));
	if (input.kind === "unsubscribed") {
		for (const e of inFlight) store.save(e, exitEnrollment(e, "unsubscribed", now), [], now);
		return;
	}
	if (input.kind === "segment") {
		const changed = store.segmentMember(input.segmentId, input.contactId, input.member);
		if (!input.member)
			for (const e of inFlight) {
				const definition = step.definitions.get(e.version) ?? journey.definition;
				const after = exitOnSegmentLeave(definition, e, input.segmentId, now);
				if (after !== e) store.save(e, after, [], now);
			}
		const entry = journey.definition.entry;
		if (
			changed &&
			input.member &&
			journey.status === "active" &&
			entry.type === "segment" &&
			entry.segment_id === input.segmentId
		)
			enter(step, { contactId: input.contactId });
		return;
	}
	const event = { name: input.name, properties: input.properties, occurredAt: input.occurredAt };
	for (const before of inFlight) {
		const { e, definition } = current(step, before);
		if (!definition) continue;
		const exited = exitOnEvent(definition, e, event);
		if (exited !== e) {
			store.save(before, exited, [], now);
			continue;
		}
		if (e.status !== "waiting" || e.waiting?.event !== event.name) continue;
		const ctx = step.contexts.context(e.contactId, e.id);
		if (!ctx) continue;
		const matched = onEvent(definition, e, event, { ...ctx, now });
		if (!matched.matched) continue;
		if (journey.status === "active") store.save(before, matched.enrollment, matched.effects, now);
		else {
			// Paused: the contact takes the event's exit but waits there until the journey resumes.
			const waiting = e.waiting;
			const moved = waiting ? moveTo(definition, record(e, e.nodeId, now, "event"), waiting.onEvent, now) : e;
			store.save(before, moved, [], now);
		}
	}
	const entry = journey.definition.entry;
	if (journey.status === "active" && entry.type === "event" && eventMatches(event, entry.event, entry.where))
		enter(step, { contactId: input.contactId, properties: input.properties });
}

/** Ends every enrollment still in flight (archive, or a journey-wide exit), a page at a time. */
export function exitPage(store: JourneyStore, reason: string, now: number, limit: number): number {
	const page = store.inFlight(limit);
	for (const e of page) store.save(e, exitEnrollment(e, reason, now), [], now);
	return page.length;
}
