import { Show } from "solid-js";
import type { CampaignStats } from "../../../lib/types";
import { Funnel } from "../charts";
import { RateCards } from "../report/RateCards";
import { TimelineChart } from "../report/TimelineChart";

/** Opens and clicks: the rates (each with its base), people next to machines, the funnel and the chart. */
export function EngagementCard(props: { campaignId: string; stats: CampaignStats | undefined }) {
	const changes = () => {
		const s = props.stats;
		return s ? s.opens + s.clicks : 0;
	};
	return (
		<section class="card stack" aria-labelledby="engagement-title">
			<div class="card-head">
				<h2 class="card-title" id="engagement-title">
					Engagement
				</h2>
			</div>
			<Show when={props.stats} fallback={<p class="muted">Loading the numbers…</p>}>
				{(s) => <RateCards stats={s()} />}
			</Show>
			<div class="engagement-grid">
				<div class="stack">
					<h3 class="sub-title">Funnel</h3>
					<Show when={props.stats} fallback={<p class="muted">Loading the numbers…</p>}>
						{(s) => <Funnel stats={s()} />}
					</Show>
				</div>
				<div class="stack">
					<h3 class="sub-title">Opens and clicks over time</h3>
					<TimelineChart campaignId={props.campaignId} changes={changes} />
				</div>
			</div>
		</section>
	);
}
