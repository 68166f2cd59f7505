import { parseDuration } from "../journeys/duration";

/*
 * The workspace's frequency cap: at most `max` marketing emails per contact in any rolling window of `perMs`.
 * A send counts at the instant it goes out (or is due to); every counted send after `at - perMs` is in the window
 * at `at`, including ones already due later (a local-time broadcast waiting for the contact's morning).
 */

export type FrequencyCap = { max: number; perMs: number };

/** The cap as stored (`max`, ISO-8601 `per`), or null when there is none (or it is unreadable). */
export function capOf(max: number | null, per: string | null): FrequencyCap | null {
	if (max === null || per === null) return null;
	const perMs = parseDuration(per);
	return perMs && perMs > 0 && max >= 1 ? { max, perMs } : null;
}

/** From when sends must be read to decide the cap at `now` or later. */
export const capWindowStart = (cap: FrequencyCap, now: number) => now - cap.perMs;

/**
 * Whether one more send at `at` keeps within the cap, given the instants the contact's counted sends happen at:
 * true, or the first instant it would (when enough of the window's sends have aged out of it).
 */
export function capAllowsAt(sendTimes: readonly number[], cap: FrequencyCap, at: number): true | number {
	const inWindow = sendTimes.filter((t) => t > at - cap.perMs).sort((a, b) => a - b);
	if (inWindow.length < cap.max) return true;
	// With the oldest (n - max + 1) gone, n - (n - max + 1) = max - 1 remain: one more fits.
	const mustAge = inWindow[inWindow.length - cap.max];
	return mustAge === undefined ? true : mustAge + cap.perMs;
}
