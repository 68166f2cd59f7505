import { For, Show } from "solid-js";
import { formatNumber } from "../../../lib/format";
import type { CampaignStats } from "../../../lib/types";
import { Funnel, percent, TimelineChart } from "../charts";

/** Opens and clicks: the numbers, the funnel and the timeline. */
export function EngagementCard(props: { stats: CampaignStats | undefined }) {
	const cards = () => {
		const s = props.stats;
		return [
			{ label: "Opens", value: s?.opens, tone: "" },
			{ label: "Unique opens", value: s?.unique_opens, tone: "stat-accent" },
			{ label: "Clicks", value: s?.clicks, tone: "" },
			{ label: "Unique clicks", value: s?.unique_clicks, tone: "stat-accent" },
			{ label: "Click rate", text: s ? percent(s.unique_clicks, s.delivered || s.sent) : undefined, tone: "" },
		];
	};
	return (
		<section class="card stack" aria-labelledby="engagement-title">
			<div class="card-head">
				<h2 class="card-title" id="engagement-title">
					Engagement
				</h2>
			</div>
			<dl class="stats" aria-label="Engagement numbers">
				<For each={cards()}>
					{(card) => (
						<div class={`stat ${card.tone}`} data-stat={card.label.toLowerCase()}>
							<dt>{card.label}</dt>
							<dd>{"text" in card ? (card.text ?? "—") : card.value === undefined ? "—" : formatNumber(card.value)}</dd>
						</div>
					)}
				</For>
			</dl>
			<div class="engagement-grid">
				<div class="stack">
					<h3 class="sub-title">Funnel</h3>
					<Show when={props.stats} fallback={<p class="muted">Loading the numbers…</p>}>
						{(s) => <Funnel stats={s()} />}
					</Show>
				</div>
				<div class="stack">
					<h3 class="sub-title">Opens and clicks over time</h3>
					<TimelineChart timeline={props.stats?.timeline ?? []} />
				</div>
			</div>
		</section>
	);
}
