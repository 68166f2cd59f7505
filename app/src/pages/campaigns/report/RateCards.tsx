import { For, type JSX, Show } from "solid-js";
import { formatNumber } from "../../../lib/format";
import type { CampaignStats } from "../../../lib/types";
import { formatRate, type Rate, reportRates } from "./rates";

type Card = { key: string; label: string; value: string; base: JSX.Element; tone?: string };

/** "2 people of 40 sent": what a rate is a share of. */
const of = (rate: Rate, people: boolean) =>
	`${formatNumber(rate.part)}${people ? (rate.part === 1 ? " person" : " people") : ""} of ${formatNumber(rate.base)} ${rate.baseLabel}`;

/**
 * The report's headline rates, each saying its base, and people next to machines and bots. Delivered is "not
 * reported" without a provider that reports deliveries. Another card (e.g. conversions) is one more entry in
 * `cards()`.
 */
export function RateCards(props: { stats: CampaignStats }) {
	const cards = (): Card[] => {
		const s = props.stats;
		const r = reportRates(s);
		return [
			r.delivered
				? { key: "delivered", label: "Delivered", value: formatRate(r.delivered.value), base: of(r.delivered, false) }
				: {
						key: "delivered",
						label: "Delivered",
						value: "Not reported",
						base: <>Your email provider does not report deliveries; rates below are of sent.</>,
						tone: "stat-muted",
					},
			{
				key: "open-rate",
				label: "Open rate",
				value: formatRate(r.open.value),
				base: of(r.open, true),
				tone: "stat-accent",
			},
			{
				key: "click-rate",
				label: "Click rate",
				value: formatRate(r.click.value),
				base: of(r.click, true),
				tone: "stat-accent",
			},
			{
				key: "click-to-open",
				label: "Click-to-open rate",
				value: formatRate(r.clickToOpen.value),
				base: of(r.clickToOpen, true),
			},
		];
	};
	const s = () => props.stats;
	// Every open and click, with people and machines/bots side by side; the unique counts are people only.
	const counts = () => [
		{
			key: "opens",
			label: "Opens",
			value: s().opens,
			split: `${formatNumber(s().opens - s().machine_opens)} by people · ${formatNumber(s().machine_opens)} machine`,
		},
		{ key: "unique opens", label: "Unique opens", value: s().unique_opens, split: "people", tone: "stat-accent" },
		{
			key: "clicks",
			label: "Clicks",
			value: s().clicks,
			split: `${formatNumber(s().clicks - s().bot_clicks)} by people · ${formatNumber(s().bot_clicks)} bot`,
		},
		{ key: "unique clicks", label: "Unique clicks", value: s().unique_clicks, split: "people", tone: "stat-accent" },
	];
	return (
		<div class="stack">
			<dl class="stats rate-cards" aria-label="Rates" data-testid="rate-cards">
				<For each={cards()}>
					{(card) => (
						<div class={`stat ${card.tone ?? ""}`} data-stat={card.key}>
							<dt>{card.label}</dt>
							<dd>{card.value}</dd>
							<span class="small muted" data-testid={`base-${card.key}`}>
								{card.base}
							</span>
						</div>
					)}
				</For>
			</dl>
			<dl class="stats people-machines" aria-label="People and machines" data-testid="people-machines">
				<For each={counts()}>
					{(card) => (
						<div class={`stat ${card.tone ?? ""}`} data-stat={card.key}>
							<dt>{card.label}</dt>
							<dd>{formatNumber(card.value)}</dd>
							<span class="small muted" data-testid={`split-${card.key.replace(" ", "-")}`}>
								{card.split}
							</span>
						</div>
					)}
				</For>
			</dl>
			<Show when={!s().provider_reports_delivery && s().sent > 0}>
				<p class="muted small">
					Rates are of the {formatNumber(s().sent)} emails the provider accepted (sent): deliveries are not reported.
				</p>
			</Show>
		</div>
	);
}
