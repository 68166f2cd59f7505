import { For } from "solid-js";
import { formatNumber } from "../../../lib/format";
import type { CampaignStats } from "../../../lib/types";
import { percent } from "../charts";
import { RateCards } from "./RateCards";

/**
 * The printable report's headline numbers: where every recipient of the audience ended up, the problems (each as a
 * share of sent), then the rates with their bases and people next to machines (the campaign page's cards).
 */
export function ReportNumbers(props: { stats: CampaignStats }) {
	const s = () => props.stats;
	const ofSent = (n: number) => (s().sent > 0 ? `${percent(n, s().sent)} of sent` : "");
	const cards = () => [
		{ key: "audience", label: "Audience", value: s().audience, note: "recipients" },
		{ key: "sent", label: "Sent", value: s().sent, note: "accepted by the provider" },
		{ key: "suppressed", label: "Suppressed", value: s().suppressed, note: "left out: suppressed or opted out" },
		{ key: "capped", label: "Capped", value: s().capped ?? 0, note: "left out: frequency cap" },
		{ key: "failed", label: "Failed", value: s().failed, note: "not sent" },
		{ key: "bounced", label: "Bounced", value: s().bounced, note: ofSent(s().bounced) },
		{ key: "complained", label: "Complained", value: s().complained, note: ofSent(s().complained) },
		{ key: "unsubscribed", label: "Unsubscribed", value: s().unsubscribed, note: ofSent(s().unsubscribed) },
	];
	return (
		<section class="card stack" aria-labelledby="report-numbers-title">
			<h2 class="card-title" id="report-numbers-title">
				Results
			</h2>
			<dl class="stats report-numbers" aria-label="Headline numbers" data-testid="report-numbers">
				<For each={cards()}>
					{(card) => (
						<div class="stat" data-stat={card.key}>
							<dt>{card.label}</dt>
							<dd>{formatNumber(card.value)}</dd>
							<span class="small muted">{card.note}</span>
						</div>
					)}
				</For>
			</dl>
			<RateCards stats={s()} />
		</section>
	);
}
