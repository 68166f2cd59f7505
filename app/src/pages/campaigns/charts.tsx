import { For, Show } from "solid-js";
import { formatNumber } from "../../lib/format";
import type { CampaignStats } from "../../lib/types";

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
		// Without a provider that reports deliveries, a "Delivered 0" step would only mislead.
		const delivered = s.provider_reports_delivery
			? [{ key: "delivered", label: "Delivered", value: s.delivered, base: s.sent }]
			: [];
		return [
			{ key: "audience", label: "Audience", value: s.audience, base: s.audience },
			{ key: "sent", label: "Sent", value: s.sent, base: s.audience },
			...delivered,
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
			<Show when={props.stats.provider_reports_delivery && props.stats.sent > 0 && props.stats.delivered === 0}>
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
