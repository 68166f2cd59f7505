/** The ISO dates a rule may compare with; no zone means UTC. This subset reads the same in SQLite's `unixepoch()`. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Milliseconds since the epoch for an accepted ISO date, or null. */
export function parseIsoDate(text: string): number | null {
	const m = ISO_DATE.exec(text);
	if (!m) return null;
	const part = (i: number) => Number(m[i] ?? 0);
	const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	if (date.getUTCDate() !== day) return null; // 2024-02-30
	date.setUTCHours(hour, minute, second, Number((m[7] ?? "").padEnd(3, "0")));
	const zone = m[8];
	const offset =
		zone && zone !== "Z" ? (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4))) : 0;
	return date.getTime() - offset * 60_000;
}
