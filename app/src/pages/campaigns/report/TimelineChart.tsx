import { type Accessor, createEffect, createResource, For, on, Show } from "solid-js";
import { getCampaignTimeline } from "../../../lib/api";
import { formatNumber } from "../../../lib/format";
import type { ReportTimeline } from "../../../lib/types";
import { AXIS_TITLE, type BucketSize, fillBuckets, niceMax } from "./buckets";

const FORMATS: Record<BucketSize, Intl.DateTimeFormat> = {
	minute: new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" }),
	hour: new Intl.DateTimeFormat(undefined, { day: "numeric", hour: "numeric" }),
	day: new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" }),
};

const W = 640;
const H = 230;
const PAD = { top: 12, right: 12, bottom: 48, left: 56 };

/**
 * Opens and clicks by people over time, as grouped bars (plain SVG): per minute during the first hours, then
 * per hour or per day (the server chooses), with axis titles. Machine opens and bot clicks are counted apart
 * underneath. Read again when `changes` moves (the live numbers).
 */
export function TimelineChart(props: { campaignId: string; changes: Accessor<number> }) {
	const [timeline, { refetch }] = createResource(() => props.campaignId, getCampaignTimeline);
	// One read at a time: a change during a read asks for one more afterwards (the socket's pushes are already
	// coalesced to a few a second, so this never queues up).
	let reading = false;
	let again = false;
	const read = async () => {
		if (reading) {
			again = true;
			return;
		}
		reading = true;
		try {
			await refetch();
		} finally {
			reading = false;
			if (again) {
				again = false;
				void read();
			}
		}
	};
	createEffect(on(props.changes, () => void read(), { defer: true }));
	return (
		<Show when={timeline.latest} fallback={<p class="muted chart-empty">Loading the chart…</p>}>
			{(t) => <Bars timeline={t()} />}
		</Show>
	);
}

function Bars(props: { timeline: ReportTimeline }) {
	const buckets = () => fillBuckets(props.timeline);
	const bucket = () => props.timeline.bucket;
	const total = (key: "opens" | "clicks" | "machine_opens" | "bot_clicks") =>
		buckets().reduce((sum, b) => sum + b[key], 0);
	const top = () => niceMax(Math.max(0, ...buckets().map((b) => Math.max(b.opens, b.clicks))));
	const plotW = W - PAD.left - PAD.right;
	const plotH = H - PAD.top - PAD.bottom;
	const slot = () => plotW / Math.max(1, buckets().length);
	const barW = () => Math.min(28, Math.max(1, (slot() * 0.7) / 2));
	const y = (value: number) => PAD.top + plotH - (value / top()) * plotH;
	const ticks = () => (top() <= 1 ? [0, 1] : [0, top() / 2, top()].filter((v) => Number.isInteger(v)));
	const labelEvery = () => Math.max(1, Math.ceil(buckets().length / 8));
	const count = (n: number, one: string) => `${formatNumber(n)} ${n === 1 ? one : `${one}s`}`;
	const summary = () =>
		`Opens and clicks by people per ${bucket()}: ${count(total("opens"), "open")} and ${count(total("clicks"), "click")} over ${count(buckets().length, bucket())}`;

	return (
		<Show
			when={total("opens") + total("clicks") > 0}
			fallback={
				<p class="muted chart-empty" data-testid="timeline-empty">
					No opens or clicks by people yet. They are drawn here minute by minute in the first hours, then by hour and
					day.
				</p>
			}
		>
			<figure
				class="chart"
				data-testid="timeline-chart"
				data-bucket={bucket()}
				data-opens={total("opens")}
				data-clicks={total("clicks")}
			>
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
							const label = FORMATS[bucket()].format(new Date(b.at));
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
										<title>{`${label}: ${formatNumber(b.opens)} opens by people, ${formatNumber(b.machine_opens)} machine opens`}</title>
									</rect>
									<rect
										class="bar-clicks"
										data-kind="clicks"
										x={x()}
										y={y(b.clicks)}
										width={barW()}
										height={Math.max(0, PAD.top + plotH - y(b.clicks))}
									>
										<title>{`${label}: ${formatNumber(b.clicks)} clicks by people, ${formatNumber(b.bot_clicks)} bot clicks`}</title>
									</rect>
									<Show when={i() % labelEvery() === 0}>
										<text class="chart-axis" x={x()} y={PAD.top + plotH + 16} text-anchor="middle">
											{label}
										</text>
									</Show>
								</g>
							);
						}}
					</For>
					<line class="chart-baseline" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
					<text class="chart-axis-title" x={PAD.left + plotW / 2} y={H - 6} text-anchor="middle" data-testid="x-title">
						{AXIS_TITLE[bucket()]}
					</text>
					<text
						class="chart-axis-title"
						transform={`translate(14 ${PAD.top + plotH / 2}) rotate(-90)`}
						text-anchor="middle"
						data-testid="y-title"
					>
						Opens / clicks by people
					</text>
				</svg>
				<figcaption class="chart-legend small">
					<span class="legend-opens">Opens</span>
					<span class="legend-clicks">Clicks</span>
					<span class="muted" data-testid="chart-machines">
						Not drawn: {formatNumber(total("machine_opens"))} machine opens, {formatNumber(total("bot_clicks"))} bot
						clicks
					</span>
				</figcaption>
			</figure>
		</Show>
	);
}
