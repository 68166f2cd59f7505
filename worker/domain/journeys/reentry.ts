import type { JourneyDefinition } from "../../contracts/journeys";
import { parseDuration } from "./duration";
import type { Enrollment, EnrollmentStatus } from "./enrollment";

/*
 * Whether a contact may enter a journey again (the re-entry policy), and how an enrollment in flight follows a new
 * version of its journey.
 */

export type PastEnrollment = { status: EnrollmentStatus; enteredAt: number; endedAt?: number };
export type EntryDecision =
	| { ok: true }
	| { ok: false; reason: "already_entered" | "in_journey" | "cooldown"; retryAt?: number };

const inFlight = (e: PastEnrollment) => e.status === "active" || e.status === "waiting";

/**
 * once: never a second time. after_exit: not while an enrollment is in flight, and a cooldown after the last one
 * ended. always: concurrent enrollments allowed, a cooldown after the last entry.
 */
export function mayEnter(
	reentry: JourneyDefinition["reentry"],
	previous: readonly PastEnrollment[],
	now: number,
): EntryDecision {
	if (previous.length === 0) return { ok: true };
	if (reentry.mode === "once") return { ok: false, reason: "already_entered" };
	if (reentry.mode === "after_exit" && previous.some(inFlight)) return { ok: false, reason: "in_journey" };
	const cooldown = reentry.cooldown === undefined ? 0 : (parseDuration(reentry.cooldown) ?? 0);
	const last = Math.max(
		...previous.map((e) => (reentry.mode === "after_exit" ? (e.endedAt ?? e.enteredAt) : e.enteredAt)),
	);
	return now < last + cooldown ? { ok: false, reason: "cooldown", retryAt: last + cooldown } : { ok: true };
}

/**
 * A new version of the journey: an enrollment whose node still exists in it with the same type moves to the new
 * version, so its next steps follow the new graph (a wait in progress keeps its event and timeout but takes the
 * new exits); otherwise it finishes on its own version. Ended enrollments stay as they are.
 */
export function migrate(
	enrollment: Enrollment,
	current: JourneyDefinition,
	next: { definition: JourneyDefinition; version: number },
): Enrollment {
	if (enrollment.status === "completed" || enrollment.status === "exited" || next.version <= enrollment.version)
		return enrollment;
	const node = next.definition.nodes[enrollment.nodeId];
	if (!node || node.type !== current.nodes[enrollment.nodeId]?.type) return enrollment;
	const moved = { ...enrollment, version: next.version };
	if (node.type !== "wait_event" || !enrollment.waiting) return moved;
	return { ...moved, waiting: { ...enrollment.waiting, onEvent: node.on_event, onTimeout: node.on_timeout } };
}
