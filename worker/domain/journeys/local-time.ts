import type { WEEKDAYS } from "../../contracts/journeys";

/*
 * Wall-clock times in a contact's time zone ("09:00 on weekdays", quiet hours) as instants, across daylight-saving
 * changes. Uses only Intl (present in workerd and Node). A local time that does not exist on a spring-forward day
 * (02:30 in Berlin on the last Sunday of March) is taken as the same wall time after the jump (03:30).
 */

export type Weekday = (typeof WEEKDAYS)[number];
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat("en-US", {
			timeZone,
			hourCycle: "h23",
			year: "numeric",
			month: "numeric",
			day: "numeric",
			hour: "numeric",
			minute: "numeric",
			second: "numeric",
			weekday: "short",
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** True when Intl knows the zone (an IANA name such as Europe/Berlin). */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

type Wall = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	weekday: Weekday;
};

/** The wall clock in `timeZone` at an instant. */
export function wallClock(instant: number, timeZone: string): Wall {
	const parts = Object.fromEntries(
		formatter(timeZone)
			.formatToParts(new Date(instant))
			.map((p) => [p.type, p.value]),
	);
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
		weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
	};
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
	const w = wallClock(instant, timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall time happens in the zone (`month` 1-12; a day past the month's end rolls over). */
export function instantOf(date: { year: number; month: number; day: number }, hhmm: string, timeZone: string): number {
	const [h, m] = hhmm.split(":").map(Number);
	const naive = Date.UTC(date.year, date.month - 1, date.day, h ?? 0, m ?? 0);
	const first = naive - offsetAt(naive, timeZone);
	const second = naive - offsetAt(first, timeZone);
	// In a spring-forward gap the two guesses straddle the jump; the later one keeps the wall time after it.
	return Math.max(first, second);
}

/**
 * The first instant after `now` when the zone's clock reads `hhmm` on one of `weekdays` (every day when absent).
 */
export function nextLocalTime(now: number, hhmm: string, timeZone: string, weekdays?: readonly Weekday[]): number {
	const today = wallClock(now, timeZone);
	for (let d = 0; d <= 7; d++) {
		const date = new Date(Date.UTC(today.year, today.month - 1, today.day + d));
		const at = instantOf(
			{ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
			hhmm,
			timeZone,
		);
		if (at <= now) continue;
		if (!weekdays || weekdays.includes(wallClock(at, timeZone).weekday)) return at;
	}
	return now + 7 * DAY_MS; // unreachable with at least one weekday
}

/**
 * Quiet hours (`start`–`end`, local, possibly across midnight): when `now` falls inside them, the instant they end;
 * otherwise null (sending is allowed now).
 */
export function quietUntil(now: number, quiet: { start: string; end: string }, timeZone: string): number | null {
	const w = wallClock(now, timeZone);
	const minutes = w.hour * 60 + w.minute;
	const toMinutes = (hhmm: string) => {
		const [h, m] = hhmm.split(":").map(Number);
		return (h ?? 0) * 60 + (m ?? 0);
	};
	const start = toMinutes(quiet.start);
	const end = toMinutes(quiet.end);
	if (start === end) return null;
	const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
	return inside ? nextLocalTime(now, quiet.end, timeZone) : null;
}
