import type { StatsDelta } from "../contracts/live";
import { addCount, emptyDelta } from "../domain/tracking/live-stats";

/** How many of a chunk's recipients one attempt moved out of `queued`, by where they went. */
export type Moved = Partial<Record<"sent" | "suppressed" | "failed" | "cancelled", number>>;

/** The campaign's live numbers' change: each moved recipient leaves `queued` for its new status. */
export function movedDelta(moved: Moved): StatsDelta {
	const delta = emptyDelta();
	for (const [status, n] of Object.entries(moved) as [keyof Moved, number][]) {
		addCount(delta, "queued", -n);
		addCount(delta, status, n);
	}
	return delta;
}
