import { For, Show } from "solid-js";
import type { OverviewData } from "../../lib/api";
import { formatNumber } from "../../lib/format";

const pct = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`);

/** Contacts added per day over the last 30 days, as small bars (no chart library on the first page). */
function GrowthBars(props: { growth: OverviewData["audience"]["growth"] }) {
	const max = () => Math.max(1, ...props.growth.map((d) => d.added));
	const W = 300;
	const H = 48;
	const bar = () => W / Math.max(1, props.growth.length);
	return (
		<svg
			class="growth-bars"
			viewBox={`0 0 ${W} ${H}`}
			preserveAspectRatio="none"
			role="img"
			aria-label="Contacts added per day, last 30 days"
			data-testid="growth-chart"
		>
			<For each={props.growth}>
				{(d, i) => {
					const h = () => (d.added === 0 ? 1 : Math.max(3, (d.added / max()) * H));
					return (
						<rect x={i() * bar() + 1} y={H - h()} width={Math.max(1, bar() - 2)} height={h()} rx="1">
							<title>{`${d.day}: ${formatNumber(d.added)} added`}</title>
						</rect>
					);
				}}
			</For>
		</svg>
	);
}

/** Audience, its growth and the last 30 days of sending, as a row of numbers. */
export function OverviewFigures(props: { data: OverviewData }) {
	const a = () => props.data.audience;
	return (
		<section class="card stack" aria-labelledby="overview-figures">
			<div class="card-head">
				<h2 class="card-title" id="overview-figures">
					Last 30 days
				</h2>
			</div>
			<dl class="stats overview-stats" data-testid="overview-stats">
				<div class="stat stat-accent" data-stat="audience">
					<dt>Audience</dt>
					<dd>{formatNumber(a().total)}</dd>
					<span class="muted small">{formatNumber(a().subscribed)} subscribed</span>
				</div>
				<div class="stat" data-stat="growth">
					<dt>New contacts</dt>
					<dd>+{formatNumber(a().added_30d)}</dd>
					<GrowthBars growth={a().growth} />
				</div>
				<div class="stat" data-stat="sends">
					<dt>Emails sent</dt>
					<dd>{formatNumber(props.data.sends_30d)}</dd>
				</div>
				<div class="stat stat-success" data-stat="open-rate">
					<dt>Open rate</dt>
					<dd>{pct(props.data.open_rate_30d)}</dd>
				</div>
				<div class="stat stat-success" data-stat="click-rate">
					<dt>Click rate</dt>
					<dd>{pct(props.data.click_rate_30d)}</dd>
				</div>
			</dl>
			<Show when={props.data.sends_30d > 0}>
				<p class="muted small">Rates count people only: machine opens and link scanners are left out.</p>
			</Show>
		</section>
	);
}
