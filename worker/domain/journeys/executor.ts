import type { JourneyDefinition } from "../../contracts/journeys";
import { type Effect, type Enrollment, type ExecContext, exitEnrollment, isDue, isOver, record } from "./enrollment";
import { step } from "./nodes";

/*
 * The step executor: from the enrollment's node, run steps until the enrollment must wait (a delay, a wait_event,
 * a send held by quiet hours or the cap), ends, or has changed the contact (update_contact: the caller applies it
 * and runs again). Pure and deterministic: the same enrollment and context give the same enrollment and the same
 * effects with the same idempotency keys, so a replay after a crash never sends twice.
 */

export type Advance = { enrollment: Enrollment; effects: Effect[] };

/** Steps per call at most: a guard against a bug; a valid graph waits or ends well before. */
export const MAX_STEPS = 50;

/**
 * Arrives at `to`: counts the arrival (the iteration of its effects), or exits with "max_iterations" when the
 * node's bound is passed.
 */
export function moveTo(definition: JourneyDefinition, enrollment: Enrollment, to: string, now: number): Enrollment {
	const count = (enrollment.iterations[to] ?? 0) + 1;
	const node = definition.nodes[to];
	const bound = node && "max_iterations" in node ? node.max_iterations : undefined;
	const moved: Enrollment = {
		...enrollment,
		nodeId: to,
		status: "active",
		dueAt: undefined,
		waiting: undefined,
		iterations: { ...enrollment.iterations, [to]: count },
	};
	return bound !== undefined && count > bound ? exitEnrollment(moved, "max_iterations", now) : moved;
}

/** A contact who may no longer receive journey mail (unsubscribed, bounced, complained) leaves before any send. */
export function contactGone(enrollment: Enrollment, ctx: ExecContext): Enrollment | null {
	if (ctx.contact.status === "subscribed") return null;
	return exitEnrollment(enrollment, ctx.contact.status, ctx.now);
}

export function advance(definition: JourneyDefinition, enrollment: Enrollment, ctx: ExecContext): Advance {
	if (isOver(enrollment) || !isDue(enrollment, ctx.now)) return { enrollment, effects: [] };
	const gone = contactGone(enrollment, ctx);
	if (gone) return { enrollment: gone, effects: [] };
	let current = enrollment;
	if (current.status === "waiting" && current.waiting) {
		current = record(current, current.nodeId, ctx.now, "timeout");
		current = moveTo(definition, current, current.waiting?.onTimeout ?? current.nodeId, ctx.now);
	}
	return run(definition, current, ctx);
}

/** Runs steps from the enrollment's current node (it has arrived there and is due). */
export function run(definition: JourneyDefinition, enrollment: Enrollment, ctx: ExecContext): Advance {
	const effects: Effect[] = [];
	let current = enrollment;
	for (let i = 0; i < MAX_STEPS && current.status === "active"; i++) {
		const nodeId = current.nodeId;
		const node = definition.nodes[nodeId];
		if (!node) return { enrollment: exitEnrollment(current, "missing_node", ctx.now), effects };
		const next = step(node, nodeId, current, ctx);
		if (next.kind === "hold") {
			current = next.outcome ? record(current, nodeId, ctx.now, next.outcome) : current;
			return { enrollment: { ...current, dueAt: next.until }, effects };
		}
		if (next.kind === "wait") {
			return {
				enrollment: { ...current, status: "waiting", waiting: next.waiting, dueAt: next.waiting.timeoutAt },
				effects,
			};
		}
		if (next.kind === "complete") {
			const done = record(current, nodeId, ctx.now, "completed");
			return { enrollment: { ...done, status: "completed", endedAt: ctx.now, dueAt: undefined }, effects };
		}
		if (next.effect) effects.push(next.effect);
		current = moveTo(definition, record(current, nodeId, ctx.now, next.outcome), next.to, ctx.now);
		if (next.yield) break;
	}
	return { enrollment: current, effects };
}
