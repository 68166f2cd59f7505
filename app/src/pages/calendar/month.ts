/** Month arithmetic for the calendar grid, in the browser's time zone (pure). */

export type Month = { year: number; month: number };

/** `2026-12` from the URL, or the month of `now` when absent or malformed. */
export function parseMonth(param: string | undefined, now: Date): Month {
	const match = /^(\d{4})-(\d{2})$/.exec(param ?? "");
	const month = match ? Number(match[2]) - 1 : -1;
	if (!match || month < 0 || month > 11) return { year: now.getFullYear(), month: now.getMonth() };
	return { year: Number(match[1]), month };
}

export const formatMonthParam = (m: Month) => `${m.year}-${String(m.month + 1).padStart(2, "0")}`;

export function shiftMonth(m: Month, by: number): Month {
	const d = new Date(m.year, m.month + by, 1);
	return { year: d.getFullYear(), month: d.getMonth() };
}

/** The days shown for a month: whole weeks, Monday first, from the week of the 1st to the week of the last day. */
export function monthGrid(m: Month): Date[] {
	const first = new Date(m.year, m.month, 1);
	const start = new Date(m.year, m.month, 1 - ((first.getDay() + 6) % 7));
	const last = new Date(m.year, m.month + 1, 0);
	const end = new Date(m.year, m.month + 1, 0 + ((7 - last.getDay()) % 7));
	const days: Date[] = [];
	for (let d = start; d <= end; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) days.push(d);
	return days;
}

/** A local day's key (`2026-12-02`), to put items on their day. */
export const dayKey = (d: Date) =>
	`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
