import { For, Show } from "solid-js";
import { formatDate } from "../../../lib/format";
import type { Campaign } from "../../../lib/types";
import { senderOf } from "../shared";
import { createCampaignRefs } from "../view/campaign-refs";

/** When it went out: "3 Dec 2026, 09:00 to 3 Dec 2026, 09:12", or since when it is still going out. */
export function sentWhen(c: Pick<Campaign, "started_at" | "completed_at" | "status">): string {
	if (!c.started_at) return "Not sent yet";
	const start = formatDate(c.started_at);
	if (!c.completed_at) return `${start}, ${c.status === "paused" ? "paused" : "still sending"}`;
	const end = formatDate(c.completed_at);
	const finished = c.status === "cancelled" ? "cancelled" : "finished";
	return end === start ? `${start} (${finished})` : `${start} to ${end} (${finished})`;
}

/** What the report is about: the campaign, its subject (each variant's on an A/B test), sender, audience and dates. */
export function ReportFacts(props: { campaign: Campaign }) {
	const c = () => props.campaign;
	const { segment, template } = createCampaignRefs(c);
	const variants = () => c().variants ?? [];
	return (
		<section class="card" aria-label="Campaign">
			<dl class="props" data-testid="report-facts">
				<dt>Campaign</dt>
				<dd>{c().name}</dd>
				<dt>Subject</dt>
				<dd data-testid="report-subject">
					<Show when={variants().length > 0} fallback={template.latest?.subject ?? "…"}>
						<ul class="report-subjects">
							<For each={variants()}>
								{(v) => (
									<li>
										{v.name}: {v.subject || template.latest?.subject || "…"}
									</li>
								)}
							</For>
						</ul>
					</Show>
				</dd>
				<dt>From</dt>
				<dd>{senderOf(c())}</dd>
				<dt>Audience</dt>
				<dd>{c().audience.segment_id ? `Segment “${segment.latest?.name ?? "…"}”` : "All subscribed contacts"}</dd>
				<dt>Sent</dt>
				<dd data-testid="report-sent-at">{sentWhen(c())}</dd>
			</dl>
		</section>
	);
}
