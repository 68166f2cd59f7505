import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { Button } from "../components/Button";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { LoadingState } from "../components/Spinner";
import { getOverview, messageOf, type OverviewData } from "../lib/api";
import { formatDate } from "../lib/format";
import { useMe } from "../lib/session";
import { CampaignStatusBadge } from "./campaigns/shared";
import { RevenueCard } from "./conversions/RevenueCard";
import { RecentCampaigns, SendingNow } from "./overview/Campaigns";
import { SetupChecklist } from "./overview/Checklist";
import { OverviewFigures } from "./overview/Figures";

/** Campaigns waiting for their time (those sending have live rows in "Sending now"). */
function Scheduled(props: { campaigns: OverviewData["live_campaigns"] }) {
	const scheduled = () => props.campaigns.filter((c) => c.status === "scheduled");
	return (
		<Show when={scheduled().length > 0}>
			<section class="card section-gap" aria-labelledby="scheduled-campaigns">
				<h2 class="card-title" id="scheduled-campaigns">
					Scheduled
				</h2>
				<ul class="recent-list" data-testid="scheduled-campaigns">
					<For each={scheduled()}>
						{(c) => (
							<li>
								<A href={`/campaigns/${c.id}`} class="strong-link cell-clip-text">
									{c.name}
								</A>
								<CampaignStatusBadge status={c.status} />
								<span class="muted small">{c.send_at ? formatDate(c.send_at) : ""}</span>
							</li>
						)}
					</For>
				</ul>
			</section>
		</Show>
	);
}

/** The home page: the workspace at a glance and the steps left to set it up. */
export default function Overview() {
	const me = useMe();
	const [overview, { refetch }] = createResource(
		() => me().workspace.id,
		() => getOverview(),
	);
	const allDone = () => (overview.latest?.checklist ?? []).every((s) => s.done);
	return (
		<>
			<PageHeader
				title={`Welcome${me().user ? `, ${me().user?.name.split(" ")[0]}` : ""}`}
				description={
					overview.latest && allDone()
						? `${me().workspace.name} at a glance.`
						: `Here is how to get ${me().workspace.name} ready to send.`
				}
			/>
			<SendingNow />
			<Show
				when={overview.latest}
				fallback={
					<Show when={overview.error} fallback={<LoadingState label="Loading the overview…" />}>
						<section class="card">
							<EmptyState title="Could not load the overview" action={<Button onClick={refetch}>Try again</Button>}>
								{messageOf(overview.error)}
							</EmptyState>
						</section>
					</Show>
				}
			>
				{(data) => (
					<div class="stack">
						<Show when={!allDone()}>
							<SetupChecklist items={data().checklist} />
						</Show>
						<OverviewFigures data={data()} />
						<RevenueCard />
						<Scheduled campaigns={data().live_campaigns} />
						<Show when={allDone()}>
							<SetupChecklist items={data().checklist} />
						</Show>
					</div>
				)}
			</Show>
			<RecentCampaigns />
		</>
	);
}
