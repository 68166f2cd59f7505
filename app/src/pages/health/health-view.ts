import type { AlertMetric, HealthDetail } from "../../lib/api";
import { formatBytes, formatNumber, formatRelative } from "../../lib/format";

export type Tone = "success" | "warning" | "danger" | "muted";
export type Figure = { key: string; label: string; value: string; tone: Tone; hint: string };

/** The cron runs every 5 minutes: a last run older than 15 is worth a look. */
const CRON_LATE_MS = 15 * 60_000;

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The health page's figures, each with a tone saying whether it needs attention. */
export function healthFigures(h: HealthDetail, now = Date.now()): Figure[] {
	const cronAge = h.cron.last_run_at ? now - new Date(h.cron.last_run_at).getTime() : null;
	return [
		{
			key: "backlog",
			label: "Queue backlog",
			value: formatNumber(h.queue.backlog),
			tone: h.queue.stale > 0 ? "warning" : "success",
			hint:
				h.queue.stale > 0
					? `${formatNumber(h.queue.stale)} waiting longer than ${h.queue.stale_after_minutes} minutes`
					: "Chunks waiting to be sent",
		},
		{
			key: "dead_letters",
			label: "Dead letters (24 h)",
			value: formatNumber(h.dead_letters.chunks),
			tone: h.dead_letters.chunks > 0 ? "danger" : "success",
			hint: `${formatNumber(h.dead_letters.messages_failed)} recipients failed`,
		},
		{
			key: "provider_errors",
			label: "Provider errors (1 h)",
			value: formatNumber(h.provider.errors_last_hour),
			tone: h.provider.errors_last_hour > 0 ? "warning" : "success",
			hint: "Chunks whose last answer was an error",
		},
		{
			key: "rate_limited",
			label: "429s (1 h)",
			value: formatNumber(h.provider.rate_limited_last_hour),
			tone: h.provider.rate_limited_last_hour > 0 ? "warning" : "success",
			hint: "Chunks the provider refused as too many requests",
		},
		{
			key: "rate_used",
			label: "Rate limit used",
			value: h.provider.rate_used === null ? "—" : percent(h.provider.rate_used),
			tone: h.provider.rate_used === null ? "muted" : h.provider.rate_used >= 0.9 ? "warning" : "success",
			hint:
				h.provider.requests_per_second_limit === null
					? "The capture Outbox has no limit"
					: `Of ${formatNumber(h.provider.requests_per_second_limit)} requests a second, last minute`,
		},
		{
			key: "cron",
			label: "Last cron run",
			value: h.cron.last_run_at ? formatRelative(h.cron.last_run_at, now) : "Never",
			tone: cronAge === null || cronAge > CRON_LATE_MS ? "warning" : "success",
			hint: h.cron.last_daily_run_at
				? `Daily upkeep ${formatRelative(h.cron.last_daily_run_at, now)}`
				: "The daily upkeep has not run yet",
		},
		{
			key: "database",
			label: "Database size",
			value: h.database.bytes === null ? "—" : formatBytes(h.database.bytes),
			tone: "muted",
			hint: "D1, the whole database",
		},
	];
}

export const METRICS: { value: AlertMetric; label: string; share?: boolean }[] = [
	{ value: "queue_backlog", label: "Queue backlog (chunks)" },
	{ value: "queue_stale", label: "Stale chunks" },
	{ value: "dead_letters", label: "Dead letters (24 h)" },
	{ value: "messages_failed", label: "Failed recipients (24 h)" },
	{ value: "provider_errors", label: "Provider errors (1 h)" },
	{ value: "rate_limited", label: "429s (1 h)" },
	{ value: "rate_used", label: "Rate limit used (%)", share: true },
];

/** A rule's threshold as people type and read it: rate_used in percent, the rest as counts. */
export function thresholdFromInput(metric: AlertMetric, text: string): number | undefined {
	const n = Number(text.trim().replace(/%$/, ""));
	if (text.trim() === "" || !Number.isFinite(n) || n < 0) return undefined;
	return metric === "rate_used" ? n / 100 : n;
}
export function thresholdText(metric: AlertMetric, threshold: number): string {
	return metric === "rate_used" ? percent(threshold) : formatNumber(threshold);
}
