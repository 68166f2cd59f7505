import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { getConversionSummary } from "../../lib/api";
import { formatConversions, formatMoney } from "./money";

/** The Overview's "revenue from email" figure for the last 30 days, with the campaigns that earned most. */
export function RevenueCard() {
	const [summary] = createResource(() => getConversionSummary(30));
	return (
		<section class="card stack" aria-labelledby="revenue-title" data-testid="revenue-card">
			<h2 id="revenue-title" class="card-title">
				Revenue from email, last 30 days
			</h2>
			<Show when={summary()}>
				{(s) => (
					<Show
						when={s().goal}
						fallback={
							<p class="muted">
								<A href="/settings/conversions">Set a conversion goal</A> to see the revenue your emails bring.
							</p>
						}
					>
						<dl class="stats">
							<div class="stat stat-accent" data-stat="revenue-30d">
								<dt>Revenue</dt>
								<dd data-testid="revenue-30d">{formatMoney(s().revenue)}</dd>
								<span class="small muted">by the "{s().goal?.event}" goal</span>
							</div>
							<div class="stat" data-stat="conversions-30d">
								<dt>Conversions</dt>
								<dd>{formatConversions(s().conversions)}</dd>
								<span class="small muted">credited to email</span>
							</div>
						</dl>
						<Show when={s().by_campaign.length > 0}>
							<ol class="link-stats" aria-label="Campaigns that earned most">
								<For each={s().by_campaign.slice(0, 5)}>
									{(c) => (
										<li>
											<A href={`/campaigns/${c.campaign_id}`}>{c.name}</A>{" "}
											<span class="muted">{formatMoney(c.revenue)}</span>
										</li>
									)}
								</For>
							</ol>
						</Show>
					</Show>
				)}
			</Show>
		</section>
	);
}
