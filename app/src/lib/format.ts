const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const integer = new Intl.NumberFormat(undefined);
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

export function formatDate(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** "3 minutes ago", "yesterday", … for recent times; a date after a week. */
export function formatRelative(iso: string, now = Date.now()): string {
	const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
	const abs = Math.abs(seconds);
	if (Number.isNaN(seconds)) return iso;
	if (abs < 60) return "just now";
	if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
	if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
	if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), "day");
	return formatDate(iso);
}

/** 12,345 */
export function formatNumber(value: number): string {
	return integer.format(value);
}

/** "1.2 MB" for a file size. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
