import { For, Show } from "solid-js";
import { formatNumber } from "../../lib/format";
import type { CampaignStats } from "../../lib/types";

const HOUR = 3_600_000;
/** At most this many hourly buckets are drawn (the latest ones). */
const MAX_BUCKETS = 72;

export type Bucket = { at: number; opens: number; clicks: number };

/**
 * The hourly timeline with the empty hours between its first and last bucket filled in (the API only sends
 * hours that had events), capped to the latest `MAX_BUCKETS`.
 */
export function fillHours(timeline: CampaignStats["timeline"]): Bucket[] {
	const points = timeline
		.map((p) => ({ at: new Date(p.at).getTime(), opens: p.opens, clicks: p.clicks }))
		.filter((p) => !Number.isNaN(p.at))
		.sort((a, b) => a.at - b.at);
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return [];
	const byHour = new Map(points.map((p) => [p.at, p]));
	const start = Math.max(first.at, last.at - (MAX_BUCKETS - 1) * HOUR);
	const buckets: Bucket[] = [];
	for (let at = start; at <= last.at; at += HOUR) buckets.push(byHour.get(at) ?? { at, opens: 0, clicks: 0 });
	return buckets;
}

/** 1, 2, 5, 10, 20, 50…: a round top for the y axis. */
function niceMax(value: number): number {
	if (value <= 4) return Math.max(1, value);
	const magnitude = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
	return 10 * magnitude;
}

const hourLabel = new Intl.DateTimeFormat(undefined, { hour: "numeric" });
const dayLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

const W = 640;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

/**
 * Opens and clicks per hour as grouped bars (plain SVG): readable with a single hour, and with three days of
 * them. Only human engagement is drawn: machine opens and bot clicks are left out, as in the unique counts.
 */
export function TimelineChart(props: { timeline: CampaignStats["timeline"] }) {
	const buckets = () => fillHours(props.timeline);
	const totals = () =>
		buckets().reduce((sum, b) => ({ opens: sum.opens + b.opens, clicks: sum.clicks + b.clicks }), {
			opens: 0,
			clicks: 0,
		});
	const top = () => niceMax(Math.max(0, ...buckets().map((b) => Math.max(b.opens, b.clicks))));
	const plotW = W - PAD.left - PAD.right;
	const plotH = H - PAD.top - PAD.bottom;
	const slot = () => plotW / Math.max(1, buckets().length);
	const barW = () => Math.min(28, Math.max(2, (slot() * 0.7) / 2));
	const y = (value: number) => PAD.top + plotH - (value / top()) * plotH;
	const ticks = () => {
		const t = top();
		return t <= 1 ? [0, 1] : [0, t / 2, t].filter((v) => Number.isInteger(v));
	};
	/** Label about eight hours along the axis, whatever the range. */
	const labelEvery = () => Math.max(1, Math.ceil(buckets().length / 8));
	const summary = () =>
		`Opens and clicks per hour: ${formatNumber(totals().opens)} ${totals().opens === 1 ? "open" : "opens"} and ${formatNumber(totals().clicks)} ${totals().clicks === 1 ? "click" : "clicks"} over ${buckets().length} ${buckets().length === 1 ? "hour" : "hours"}`;

	return (
		<Show
			when={totals().opens + totals().clicks > 0}
			fallback={
				<p class="muted chart-empty" data-testid="timeline-empty">
					No opens or clicks by people yet. They are drawn here hour by hour as people read the email.
				</p>
			}
		>
			<figure class="chart" data-testid="timeline-chart" data-opens={totals().opens} data-clicks={totals().clicks}>
				<svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary()} class="chart-svg">
					<For each={ticks()}>
						{(tick) => (
							<g class="chart-grid">
								<line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
								<text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
									{formatNumber(tick)}
								</text>
							</g>
						)}
					</For>
					<For each={buckets()}>
						{(b, i) => {
							const x = () => PAD.left + i() * slot() + slot() / 2;
							const date = new Date(b.at);
							const label = `${dayLabel.format(date)} ${hourLabel.format(date)}`;
							return (
								<g class="chart-bucket">
									<rect
										class="bar-opens"
										data-kind="opens"
										x={x() - barW()}
										y={y(b.opens)}
										width={barW()}
										height={Math.max(0, PAD.top + plotH - y(b.opens))}
									>
										<title>{`${label}: ${formatNumber(b.opens)} opens`}</title>
									</rect>
									<rect
										class="bar-clicks"
										data-kind="clicks"
										x={x()}
										y={y(b.clicks)}
										width={barW()}
										height={Math.max(0, PAD.top + plotH - y(b.clicks))}
									>
										<title>{`${label}: ${formatNumber(b.clicks)} clicks`}</title>
									</rect>
									<Show when={i() % labelEvery() === 0}>
										<text class="chart-axis" x={x()} y={H - 8} text-anchor="middle">
											{i() === 0 || date.getHours() === 0 ? label : hourLabel.format(date)}
										</text>
									</Show>
								</g>
							);
						}}
					</For>
					<line class="chart-baseline" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
				</svg>
				<figcaption class="chart-legend small">
					<span class="legend-opens">Opens</span>
					<span class="legend-clicks">Clicks</span>
					<span class="muted">per hour, people only</span>
				</figcaption>
			</figure>
		</Show>
	);
}

/** A share as "12.5%" (one decimal under 10 %), or "—" without a base. */
export function percent(part: number, whole: number): string {
	if (whole <= 0) return "—";
	const p = (part / whole) * 100;
	return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}

/**
 * Audience → sent → delivered → opened → clicked, each bar as wide as its share of the audience. Opens and
 * clicks are unique people; machine opens (privacy prefetches) and bot clicks (link scanners) are shown apart.
 */
export function Funnel(props: { stats: CampaignStats }) {
	const steps = () => {
		const s = props.stats;
		return [
			{ key: "audience", label: "Audience", value: s.audience, base: s.audience },
			{ key: "sent", label: "Sent", value: s.sent, base: s.audience },
			{ key: "delivered", label: "Delivered", value: s.delivered, base: s.sent },
			{ key: "opened", label: "Opened (unique)", value: s.unique_opens, base: s.delivered || s.sent },
			{
				key: "clicked",
				label: "Clicked (unique)",
				value: s.unique_clicks,
				base: s.unique_opens || s.delivered || s.sent,
			},
		];
	};
	const width = (value: number) =>
		props.stats.audience > 0 ? `${Math.min(100, (value / props.stats.audience) * 100)}%` : "0%";
	return (
		<div class="funnel-block">
			<ol class="funnel" aria-label="Funnel" data-testid="funnel">
				<For each={steps()}>
					{(step, i) => (
						<li class="funnel-step" data-step={step.key}>
							<span class="funnel-label">{step.label}</span>
							<span class="funnel-track" aria-hidden="true">
								<span class={`funnel-bar funnel-bar-${step.key}`} style={{ width: width(step.value) }} />
							</span>
							<span class="funnel-value">
								<strong data-testid={`funnel-${step.key}`}>{formatNumber(step.value)}</strong>
								<Show when={i() > 0}>
									<span class="muted small" title={`Share of the step before (${steps()[i() - 1]?.label})`}>
										{" "}
										{percent(step.value, step.base)}
									</span>
								</Show>
							</span>
						</li>
					)}
				</For>
			</ol>
			<Show when={props.stats.sent > 0 && props.stats.delivered === 0}>
				<p class="muted small">
					Delivered is confirmed by the provider's delivery webhooks; until they arrive, opens are measured against
					sent.
				</p>
			</Show>
			<p class="muted small funnel-apart">
				Not counted above: <strong data-testid="machine-opens">{formatNumber(props.stats.machine_opens)}</strong>{" "}
				machine opens (privacy prefetches) and{" "}
				<strong data-testid="bot-clicks">{formatNumber(props.stats.bot_clicks)}</strong> bot clicks (link scanners).
			</p>
		</div>
	);
}
