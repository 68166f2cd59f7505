/**
 * How long before its provider slot a chunk is read, checked and rendered, so that at the slot only the
 * provider call is left (requests then reach the provider as evenly spaced as the slots). It follows how
 * long preparing has taken lately in this isolate: slow while a campaign's fan-out keeps D1 busy, fast after.
 */
const MIN_LEAD_MS = 300;
/**
 * The lead over the recent preparation time. Only a batch's first chunk waits the whole lead (the others' slots
 * are spaced by the limit), so a generous margin idles the provider at every batch; a chunk prepared a little late
 * only leaves a little late (the gate still holds it to the limit).
 */
const LEAD_MARGIN = 1.25;
const MAX_LEAD_MS = 3000;
/** Until a chunk has been prepared here, assume a slow start (the first chunks meet the busiest fan-out). */
let recentPrepareMs = 1000;

export const MAX_PREPARE_LEAD_MS = MAX_LEAD_MS;

export function prepareLead(requestsPerSecond: number | null): number {
	if (!requestsPerSecond) return 0;
	// At high rates a one-second window holds many requests, and two slots are less than the minimum.
	const twoSlots = 2000 / requestsPerSecond;
	if (twoSlots < MIN_LEAD_MS) return twoSlots;
	return Math.min(MAX_LEAD_MS, Math.max(MIN_LEAD_MS, LEAD_MARGIN * recentPrepareMs));
}

/** A decaying maximum: one slow preparation raises the lead at once, fast ones lower it gradually. */
export function notePrepareTime(ms: number): void {
	recentPrepareMs = Math.max(ms, recentPrepareMs * 0.95);
}
