import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { formatNumber } from "../../../lib/format";
import type { Campaign, CampaignStats } from "../../../lib/types";
import { percent } from "../charts";
import { senderOf } from "../shared";
import { createCampaignRefs } from "./campaign-refs";

/** The campaign's settings (audience, template, sender, tracking) next to its bounces, complaints and unsubscribes. */
export function CampaignDetails(props: { campaign: Campaign; stats: CampaignStats | undefined }) {
	const c = () => props.campaign;
	const { segment, template } = createCampaignRefs(c);
	const problemCards = () => {
		const s = props.stats;
		const base = s ? s.sent : 0;
		return [
			{ label: "Bounces", value: s?.bounced, rate: s ? percent(s.bounced, base) : "", tone: "stat-warning" },
			{
				label: "Complaints",
				value: s?.complained,
				rate: s ? percent(s.complained, base) : "",
				tone: s?.complained ? "stat-danger" : "",
			},
			{ label: "Unsubscribes", value: s?.unsubscribed, rate: s ? percent(s.unsubscribed, base) : "", tone: "" },
		];
	};
	return (
		<div class="detail-grid">
			<section class="card" aria-label="Settings">
				<h2 class="card-title">Settings</h2>
				<dl class="props">
					<dt>Audience</dt>
					<dd>
						<Show when={c().audience.segment_id} fallback="All subscribed contacts">
							{(id) => <A href={`/segments/${id()}`}>Segment “{segment.latest?.name ?? "…"}”</A>}
						</Show>
					</dd>
					<dt>Template</dt>
					<dd>
						<Show when={template.latest} fallback={<span class="muted">{c().template_id}</span>}>
							{(t) => <A href={`/templates/${t().id}`}>{t().name}</A>}
						</Show>
					</dd>
					<dt>Subject</dt>
					<dd>{template.latest?.subject ?? "…"}</dd>
					<dt>From</dt>
					<dd>{senderOf(c())}</dd>
					<dt>Reply-To</dt>
					<dd>{c().reply_to ?? <span class="muted">—</span>}</dd>
					<dt>Tracking</dt>
					<dd>
						{[c().settings.track_opens ? "opens" : "", c().settings.track_clicks ? "clicks" : ""]
							.filter(Boolean)
							.join(" and ") || "off"}
					</dd>
				</dl>
			</section>
			<section class="card stack" aria-label="Deliverability">
				<h2 class="card-title">Bounces, complaints and unsubscribes</h2>
				<dl class="stats stats-3" aria-label="Deliverability numbers">
					<For each={problemCards()}>
						{(card) => (
							<div class={`stat ${card.tone}`} data-stat={card.label.toLowerCase()}>
								<dt>{card.label}</dt>
								<dd>{card.value === undefined ? "—" : formatNumber(card.value)}</dd>
								<Show when={card.rate && card.rate !== "—"}>
									<span class="muted small">{card.rate} of sent</span>
								</Show>
							</div>
						)}
					</For>
				</dl>
				<p class="muted small">
					Bounced and complaining addresses are suppressed from later sends; unsubscribed contacts are not sent to
					again.
				</p>
			</section>
		</div>
	);
}
