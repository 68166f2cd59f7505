import type { EnrollmentView } from "../worker/contracts/journey-shard";
import { type Enrollment, publicStatus } from "../worker/domain/journeys/enrollment";

const iso = (ms: number) => new Date(ms).toISOString();

/** An enrollment as the API shows it (the contact's email is added by the caller). */
export function presentEnrollment(e: Enrollment): EnrollmentView {
	return {
		id: e.id,
		contact_id: e.contactId,
		status: publicStatus(e),
		node_id: e.nodeId,
		version: e.version,
		entered_at: iso(e.enteredAt),
		...(e.endedAt !== undefined && { exited_at: iso(e.endedAt) }),
		...(e.exitReason !== undefined && { exit_reason: e.exitReason }),
		history: e.history.map((h) => ({ node_id: h.nodeId, at: iso(h.at), outcome: h.outcome })),
	};
}
