import { instantOf, isTimeZone } from "./local-time";

/*
 * Date entries (`{type: "date", attribute, offset_days, at_local}`): on a given day, the contacts whose date
 * attribute's month and day is `offset_days` after today enter (a birthday with offset -7 enters a week before),
 * starting at `at_local` in their time zone (the workspace's when they have none).
 */

const DAY_MS = 86_400_000;

/** `MM-DD` of the attribute dates entering on `day` (`YYYY-MM-DD`). */
export function targetMonthDay(day: string, offsetDays: number): string {
	const at = new Date(Date.parse(`${day}T00:00:00Z`) - offsetDays * DAY_MS);
	return `${String(at.getUTCMonth() + 1).padStart(2, "0")}-${String(at.getUTCDate()).padStart(2, "0")}`;
}

/** When a contact entering on `day` starts: `atLocal` that day in its zone (undefined: at once). */
export function startAt(day: string, atLocal: string | undefined, zone: string | null, fallbackZone: string) {
	if (atLocal === undefined) return undefined;
	const [year, month, date] = day.split("-").map(Number);
	const tz = zone && isTimeZone(zone) ? zone : fallbackZone;
	return instantOf({ year: year ?? 1970, month: month ?? 1, day: date ?? 1 }, atLocal, tz);
}

export const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);
