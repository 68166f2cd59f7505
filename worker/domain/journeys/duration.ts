/*
 * ISO-8601 durations as journeys use them (`PT30S`, `PT4H`, `P3D`, `P1W`, `P1Y2M`): from one second to a year.
 * Calendar units are fixed lengths (a month is 30 days, a year 365), so a duration is a number of milliseconds.
 */

const SECOND = 1_000;
const UNIT_MS = { Y: 365 * 86_400_000, M: 30 * 86_400_000, W: 7 * 86_400_000, D: 86_400_000 } as const;
const TIME_MS = { H: 3_600_000, M: 60_000, S: SECOND } as const;

export const MIN_DURATION_MS = SECOND;
export const MAX_DURATION_MS = UNIT_MS.Y;

const SHAPE = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Milliseconds of a duration, or null when it is not an ISO-8601 duration of whole units. */
export function parseDuration(text: string): number | null {
	const m = SHAPE.exec(text);
	if (!m || text === "P" || text.endsWith("T")) return null;
	const n = (i: number) => Number(m[i] ?? 0);
	return (
		n(1) * UNIT_MS.Y +
		n(2) * UNIT_MS.M +
		n(3) * UNIT_MS.W +
		n(4) * UNIT_MS.D +
		n(5) * TIME_MS.H +
		n(6) * TIME_MS.M +
		n(7) * TIME_MS.S
	);
}

/** Why a duration is refused, or null when it is usable (one second to a year). */
export function durationProblem(text: string): string | null {
	const ms = parseDuration(text);
	if (ms === null) return `"${text}" is not an ISO-8601 duration such as PT30S, PT4H, P3D or P1W`;
	if (ms < MIN_DURATION_MS) return "A duration is at least one second (PT1S)";
	if (ms > MAX_DURATION_MS) return "A duration is at most a year (P1Y)";
	return null;
}
