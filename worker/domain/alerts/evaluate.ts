import type { AlertMetric, StoredAlertRule } from "../../contracts/alerts";
import type { HealthDetail } from "../../contracts/health";

/** The watched figures; null when a figure does not apply (rate_used with the capture Outbox). */
export type AlertFigures = Record<AlertMetric, number | null>;

/** Rule id → when its current breach began (ms). A rule absent from it is armed. */
export type FiringState = Record<string, number>;

export type Breach = { rule: StoredAlertRule; value: number };

export function figuresOf(health: HealthDetail): AlertFigures {
	return {
		queue_backlog: health.queue.backlog,
		queue_stale: health.queue.stale,
		dead_letters: health.dead_letters.chunks,
		messages_failed: health.dead_letters.messages_failed,
		provider_errors: health.provider.errors_last_hour,
		rate_limited: health.provider.rate_limited_last_hour,
		rate_used: health.provider.rate_used,
	};
}

const breached = (rule: StoredAlertRule, figures: AlertFigures): number | null => {
	const value = figures[rule.metric];
	return rule.enabled && value !== null && value >= rule.threshold ? value : null;
};

/**
 * One evaluation: a rule whose figure reaches its threshold fires once (it is not yet in `firing`), stays
 * firing while the figure stays there (no repeat), and re-arms when the figure falls back under it, or when
 * it is disabled or deleted. Answers the rules to notify now and the firing state to keep.
 */
export function evaluateRules(
	rules: StoredAlertRule[],
	figures: AlertFigures,
	firing: FiringState,
	now: number,
): { fire: Breach[]; firing: FiringState } {
	const fire: Breach[] = [];
	const next: FiringState = {};
	for (const rule of rules) {
		const value = breached(rule, figures);
		if (value === null) continue;
		const since = firing[rule.id];
		if (since === undefined) fire.push({ rule, value });
		next[rule.id] = since ?? now;
	}
	return { fire, firing: next };
}

export const sameFiring = (a: FiringState, b: FiringState) =>
	Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([id, at]) => b[id] === at);

const LABELS: Record<AlertMetric, string> = {
	queue_backlog: "Chunks waiting to be sent",
	queue_stale: "Chunks waiting longer than 10 minutes",
	dead_letters: "Dead-lettered chunks (24 h)",
	messages_failed: "Recipients failed (24 h)",
	provider_errors: "Provider errors (last hour)",
	rate_limited: "Provider 429 answers (last hour)",
	rate_used: "Share of the provider's rate limit used",
};

const shown = (metric: AlertMetric, n: number) => (metric === "rate_used" ? `${Math.round(n * 100)}%` : String(n));

/** The words of a firing rule's notification. */
export function alertMessage(breach: Breach): { title: string; body: string } {
	const { rule, value } = breach;
	return {
		title: `Alert: ${rule.name}`,
		body: `${LABELS[rule.metric]} is ${shown(rule.metric, value)} (threshold ${shown(rule.metric, rule.threshold)}).`,
	};
}
