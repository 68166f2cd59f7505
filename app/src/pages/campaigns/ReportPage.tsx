import { A, useParams } from "@solidjs/router";
import { createResource, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { campaignMessagesCsvUrl, getCampaign, getCampaignStats, messageOf } from "../../lib/api";
import { formatDate } from "../../lib/format";
import type { Campaign, CampaignStats } from "../../lib/types";
import { ConversionsCard } from "../conversions/ConversionsCard";
import { ReportFacts } from "./report/ReportFacts";
import { ReportNumbers } from "./report/ReportNumbers";
import { TimelineChart } from "./report/TimelineChart";
import { AbResultsCard } from "./view/AbResultsCard";
import { LinksCard } from "./view/LinksCard";

/** `/campaigns/:id/report`: one printable page summing up a campaign's results, to hand on. */
export default function ReportPage() {
	const params = useParams<{ id: string }>();
	const [data] = createResource(
		() => params.id,
		async (id) => {
			const [campaign, stats] = await Promise.all([getCampaign(id), getCampaignStats(id)]);
			return { campaign, stats, generatedAt: new Date().toISOString() };
		},
	);
	return (
		<Switch fallback={<LoadingState label="Preparing the report…" />}>
			<Match when={data.error}>
				<section class="card">
					<EmptyState
						title="Could not load this report"
						action={<LinkButton href={`/campaigns/${params.id}`}>Back to the campaign</LinkButton>}
					>
						{messageOf(data.error)}
					</EmptyState>
				</section>
			</Match>
			<Match when={data.latest}>
				{(d) => <Report campaign={d().campaign} stats={d().stats} generatedAt={d().generatedAt} />}
			</Match>
		</Switch>
	);
}

type Props = { campaign: Campaign; stats: CampaignStats; generatedAt: string };

function Report(props: Props) {
	const c = () => props.campaign;
	const started = () => Boolean(c().started_at);
	return (
		<article class="report" data-testid="campaign-report">
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/campaigns">Campaigns</A> <span aria-hidden="true">/</span>{" "}
				<A href={`/campaigns/${c().id}`}>{c().name}</A> <span aria-hidden="true">/</span> <span>Report</span>
			</nav>
			<PageHeader
				title={`Campaign report: ${c().name}`}
				description={`Generated ${formatDate(props.generatedAt)}`}
				actions={
					<>
						<a
							class="btn btn-secondary btn-md"
							href={campaignMessagesCsvUrl(c().id, {})}
							download=""
							data-testid="report-csv"
						>
							Download recipients (CSV)
						</a>
						<Button variant="primary" onClick={() => window.print()}>
							Print
						</Button>
					</>
				}
			/>
			<div class="stack">
				<ReportFacts campaign={c()} />
				<Show
					when={started()}
					fallback={
						<section class="card">
							<EmptyState title="Not sent yet">The report fills in once the campaign is sent.</EmptyState>
						</section>
					}
				>
					<ReportNumbers stats={props.stats} />
					<section class="card stack" aria-labelledby="report-chart-title">
						<h2 class="card-title" id="report-chart-title">
							Opens and clicks over time
						</h2>
						<TimelineChart campaignId={c().id} changes={() => 0} />
					</section>
					<LinksCard links={props.stats.links} />
					<Show when={c().ab_test}>
						<AbResultsCard campaignId={c().id} canEdit={false} tick={() => 0} status={c().status} />
					</Show>
					<ConversionsCard campaignId={c().id} onlyWithGoal />
				</Show>
				<p class="muted small report-footer" data-testid="report-generated">
					Pulse campaign report for “{c().name}”, generated {formatDate(props.generatedAt)}. Opens and clicks count
					people: machine opens and bot clicks are shown apart and never count in rates.
				</p>
			</div>
		</article>
	);
}
