/*
 * Durations as a marketer types them ("4 hours", "2 days 3 hours", "90 min", "1w") ⇄ the ISO-8601 text the API
 * takes (PT4H, P2DT3H, PT90M, P1W). Months and years are left to the ISO form (the API counts them as 30 and 365 days).
 */

type Unit = { iso: string; time: boolean; names: string[]; singular: string; plural: string };

const UNITS: Unit[] = [
	{ iso: "W", time: false, names: ["w", "wk", "wks", "week", "weeks"], singular: "week", plural: "weeks" },
	{ iso: "D", time: false, names: ["d", "day", "days"], singular: "day", plural: "days" },
	{ iso: "H", time: true, names: ["h", "hr", "hrs", "hour", "hours"], singular: "hour", plural: "hours" },
	{
		iso: "M",
		time: true,
		names: ["m", "min", "mins", "minute", "minutes"],
		singular: "minute",
		plural: "minutes",
	},
	{
		iso: "S",
		time: true,
		names: ["s", "sec", "secs", "second", "seconds"],
		singular: "second",
		plural: "seconds",
	},
];

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

/** The ISO-8601 duration for what was typed ("4 hours" → PT4H; an ISO text is kept), or null when unreadable. */
export function parseDuration(text: string): string | null {
	const input = text.trim();
	if (input === "") return null;
	if (/^P/i.test(input))
		return ISO.test(input) && !/^PT?$/i.test(input) && !/T$/i.test(input) ? input.toUpperCase() : null;
	const amounts = new Map<Unit, number>();
	const part = /(\d+)\s*([a-z]+)\s*(?:,|and)?\s*/gy;
	let matched = 0;
	for (let m = part.exec(input.toLowerCase()); m; m = part.exec(input.toLowerCase())) {
		const unit = UNITS.find((u) => u.names.includes(m?.[2] ?? ""));
		if (!unit || amounts.has(unit)) return null;
		amounts.set(unit, Number(m[1]));
		matched = part.lastIndex;
	}
	if (amounts.size === 0 || matched !== input.length) return null;
	const date = UNITS.filter((u) => !u.time && amounts.has(u))
		.map((u) => `${amounts.get(u)}${u.iso}`)
		.join("");
	const time = UNITS.filter((u) => u.time && amounts.has(u))
		.map((u) => `${amounts.get(u)}${u.iso}`)
		.join("");
	return `P${date}${time ? `T${time}` : ""}`;
}

/** "4 hours", "2 days 3 hours" for an ISO-8601 duration; the text itself when it has months or years or is unreadable. */
export function formatDuration(iso: string): string {
	const m = ISO.exec(iso);
	if (!m || m[1] || m[2]) return iso;
	const values = [m[3], m[4], m[5], m[6], m[7]];
	const parts = UNITS.flatMap((unit, i) => {
		const n = Number(values[i] ?? 0);
		return n > 0 ? [`${n} ${n === 1 ? unit.singular : unit.plural}`] : [];
	});
	return parts.length > 0 ? parts.join(" ") : iso;
}
