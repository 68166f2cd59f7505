/** The zone whose clock is furthest ahead (UTC+14): a date's wall time happens there first. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

/**
 * "Send at this time of day in each recipient's time zone" from a `datetime-local` value: the API's `local_time`
 * (its HH:MM) and `send_at`, the first moment that date's HH:MM happens anywhere (so everyone gets it that day),
 * or `now` when that moment has passed (those whose time already went by get it the next day).
 */
export function localSchedule(value: string, now = Date.now()): { send_at: string; local_time: string } | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
	if (!m) return undefined;
	const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
	const first = Date.UTC(y, mo - 1, d, h, mi) - EARLIEST_OFFSET_MS;
	const local_time = `${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`;
	return { send_at: new Date(Math.max(first, now + 60_000)).toISOString(), local_time };
}
