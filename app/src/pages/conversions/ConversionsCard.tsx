import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { getCampaignConversions } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { formatConversions, formatMoney, formatShare, MODEL_LABELS } from "./money";

/**
 * A campaign's conversions and revenue by the workspace goal, each figure saying its base. `onlyWithGoal` shows
 * nothing at all while the workspace has no goal (a printed report), instead of the invitation to set one.
 */
export function ConversionsCard(props: { campaignId: string; onlyWithGoal?: boolean }) {
	const [report] = createResource(() => props.campaignId, getCampaignConversions);
	return (
		<Show when={!props.onlyWithGoal || report()?.goal}>
			<section class="card stack" aria-labelledby="conversions-title" data-testid="conversions-card">
				<h2 id="conversions-title" class="card-title">
					Conversions
				</h2>
				<Show when={report()}>
					{(r) => (
						<Show
							when={r().goal}
							fallback={
								<p class="muted" data-testid="no-goal">
									No conversion goal yet. <A href="/settings/conversions">Set one</A> (an event such as a purchase and
									its revenue) to see what this campaign earned.
								</p>
							}
						>
							{(goal) => (
								<>
									<dl class="stats">
										<div class="stat" data-stat="conversions">
											<dt>Conversions</dt>
											<dd>{formatConversions(r().conversions)}</dd>
											<span class="small muted">"{goal().event}" events credited to this email</span>
										</div>
										<div class="stat" data-stat="conversion-rate">
											<dt>Conversion rate</dt>
											<dd>{formatShare(r().conversion_rate)}</dd>
											<span class="small muted">
												{formatNumber(r().converters)} of {formatNumber(r().recipients)} recipients
											</span>
										</div>
										<div class="stat stat-accent" data-stat="revenue">
											<dt>Revenue</dt>
											<dd>{formatMoney(r().revenue)}</dd>
											<span class="small muted">from the "{goal().revenue_property ?? "—"}" property</span>
										</div>
										<div class="stat" data-stat="revenue-per-recipient">
											<dt>Revenue per recipient</dt>
											<dd>{formatMoney(r().revenue_per_recipient)}</dd>
											<span class="small muted">of {formatNumber(r().recipients)} recipients</span>
										</div>
									</dl>
									<p class="small muted">
										{MODEL_LABELS[r().model ?? goal().model]} attribution: a conversion within {goal().window_days} days
										after a {goal().touch === "click" ? "click" : "click or open"} by a person (never a machine or bot).
										<Show when={r().truncated}> Only the newest 20,000 conversions were read.</Show>
									</p>
								</>
							)}
						</Show>
					)}
				</Show>
			</section>
		</Show>
	);
}
