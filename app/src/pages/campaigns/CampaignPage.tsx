import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, Match, on, Show, Switch, untrack } from "solid-js";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { HistoryPanel } from "../../components/history/HistoryPanel";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { toast } from "../../components/Toasts";
import {
	ApiError,
	cancelCampaign,
	deleteCampaign,
	getCampaign,
	messageOf,
	pauseCampaign,
	resumeCampaign,
} from "../../lib/api";
import { formatDate, formatRelative } from "../../lib/format";
import { createLiveCampaign } from "../../lib/live";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Campaign, CampaignStatus } from "../../lib/types";
import { ConversionsCard } from "../conversions/ConversionsCard";
import { ReviewPanels } from "../reviews/ReviewPanels";
import { PlanningPanels } from "./planning/PlanningPanels";
import { SendDialog, type SendMode } from "./SendDialog";
import { CampaignStatusBadge, processedOf } from "./shared";
import { AbResultsCard } from "./view/AbResultsCard";
import { CampaignActions } from "./view/CampaignActions";
import { CampaignDetails } from "./view/CampaignDetails";
import { DeliveryCard } from "./view/DeliveryCard";
import { EngagementCard } from "./view/EngagementCard";
import { LinksCard } from "./view/LinksCard";
import { createCampaignNumbers } from "./view/numbers";
import { PauseBanner } from "./view/PauseBanner";
import { RecipientLog } from "./view/RecipientLog";

/** `/campaigns/:id`: loads the campaign, then its live view. */
export default function CampaignPage() {
	const params = useParams<{ id: string }>();
	const [campaign, { refetch, mutate }] = createResource(
		() => params.id,
		(id) => getCampaign(id),
	);
	const notFound = () => campaign.error instanceof ApiError && campaign.error.status === 404;
	return (
		<Switch fallback={<LoadingState label="Loading campaign…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="campaigns"
						title="Campaign not found"
						action={<LinkButton href="/campaigns">Back to campaigns</LinkButton>}
					>
						It may have been deleted.
					</EmptyState>
				</section>
			</Match>
			<Match when={campaign.error && !campaign.latest}>
				<section class="card">
					<EmptyState title="Could not load this campaign" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(campaign.error)}
					</EmptyState>
				</section>
			</Match>
			<Match
				when={
					// Reading `state` (not only `latest`) keeps this in step when the page is reached by navigation.
					(campaign.state === "ready" || campaign.state === "refreshing") && campaign.latest?.id === params.id
						? params.id
						: undefined
				}
				keyed
			>
				{(id) => (
					<Show when={campaign.latest}>
						{(c) => (
							<CampaignView
								id={id}
								campaign={c()}
								refetch={() => void refetch()}
								setStatus={(status) => mutate((prev) => (prev ? { ...prev, status } : prev))}
							/>
						)}
					</Show>
				)}
			</Match>
		</Switch>
	);
}

type Props = { id: string; campaign: Campaign; refetch: () => void; setStatus: (status: CampaignStatus) => void };

function CampaignView(props: Props) {
	const me = useMe();
	const navigate = useNavigate();
	const c = () => props.campaign;

	// Numbers: one GET for the first paint, then the campaign socket (polling only while it cannot connect).
	const live = createLiveCampaign(() => props.id);
	const numbers = createCampaignNumbers({ id: props.id, live, rowStatus: () => c().status });
	const status = numbers.status;
	// The live numbers carry the newest status; the campaign row (timestamps, schedule) is reloaded whenever the
	// two disagree (a status message can arrive a moment before D1 has the change, so this repeats until it has).
	createEffect(
		on(numbers.stats, (fresh) => {
			if (fresh && fresh.status !== untrack(c).status) props.refetch();
		}),
	);
	const started = () => status() !== "draft" && status() !== "scheduled";
	// Before the send, the review and the plan lead the page; once it has started, its results do.
	const teamwork = () => (
		<>
			<ReviewPanels target="campaigns" id={props.id} canEdit={atLeast(me().role, "editor")} />
			<PlanningPanels campaignId={props.id} status={status()} canEdit={atLeast(me().role, "editor")} />
		</>
	);
	const processed = () => {
		const s = numbers.stats();
		return s ? processedOf(s) : c().progress.processed;
	};

	// Commands: the answer is shown at once; the socket (or, while it is down, a reload) brings the rest.
	const [sending, setSending] = createSignal<SendMode>();
	const [confirming, setConfirming] = createSignal<"cancel" | "delete">();
	const [busy, setBusy] = createSignal<"pause" | "resume">();
	const after = (next: CampaignStatus) => {
		if (numbers.afterCommand(next)) return;
		props.setStatus(next);
		props.refetch();
	};
	const command = async (name: "pause" | "resume") => {
		setBusy(name);
		try {
			const result = name === "pause" ? await pauseCampaign(props.id) : await resumeCampaign(props.id);
			toast.success(name === "pause" ? "Paused: nothing more is enqueued" : "Resumed");
			after(result.status);
		} catch (e) {
			toast.error(messageOf(e));
			after(status());
		} finally {
			setBusy(undefined);
		}
	};

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/campaigns">Campaigns</A> <span aria-hidden="true">/</span> <span>{c().name}</span>
			</nav>
			<PageHeader
				title={c().name}
				meta={<CampaignStatusBadge status={status()} />}
				description={describe(c(), status())}
				actions={
					<CampaignActions
						id={props.id}
						name={c().name}
						status={status()}
						canEdit={atLeast(me().role, "editor")}
						busy={busy()}
						onSend={setSending}
						onCommand={command}
						onConfirm={setConfirming}
					/>
				}
			/>

			<div class="stack">
				<FormAlert
					tone="warning"
					message={numbers.error() ? `Numbers may be out of date: ${numbers.error()}` : undefined}
				/>
				<PauseBanner campaign={c()} status={status()} />
				<Show when={!started()}>{teamwork()}</Show>
				<DeliveryCard campaign={c()} status={status()} stats={numbers.stats()} liveState={numbers.liveState()} />
				<Show when={c().ab_test}>
					<AbResultsCard
						campaignId={props.id}
						canEdit={atLeast(me().role, "editor")}
						tick={numbers.stats}
						status={status()}
						phase={live.ab}
					/>
				</Show>
				<Show when={started()}>
					<EngagementCard campaignId={props.id} stats={numbers.stats()} />
					<ConversionsCard campaignId={props.id} />
				</Show>
				<CampaignDetails campaign={c()} stats={numbers.stats()} />
				<Show when={started()}>
					<LinksCard links={numbers.stats()?.links} />
					{teamwork()}
				</Show>
				<RecipientLog
					campaignId={props.id}
					campaignName={c().name}
					canEdit={atLeast(me().role, "editor")}
					status={status}
					live={live.connected}
					processed={processed}
				/>
				<HistoryPanel type="campaign" id={props.id} />
			</div>

			<Show when={sending()}>
				{(mode) => (
					<SendDialog
						open
						mode={mode()}
						campaign={c()}
						onClose={() => setSending(undefined)}
						onDone={(next) => {
							setSending(undefined);
							toast.success(next === "scheduled" ? "Campaign scheduled" : "Sending started");
							after(next);
						}}
					/>
				)}
			</Show>
			<ConfirmDialog
				open={confirming() === "cancel"}
				title="Cancel this campaign?"
				confirmLabel="Cancel campaign"
				cancelLabel={status() === "sending" ? "Keep sending" : "Keep it"}
				onClose={() => setConfirming(undefined)}
				onConfirm={async () => {
					const result = await cancelCampaign(props.id);
					toast.success("Campaign cancelled");
					after(result.status);
				}}
			>
				<p>
					Nothing more is sent for <strong>{c().name}</strong>.{" "}
					{started()
						? "Messages already sent stay sent; those still queued are cancelled."
						: "It will not go out; you can delete it afterwards."}{" "}
					This cannot be undone.
				</p>
			</ConfirmDialog>
			<ConfirmDialog
				open={confirming() === "delete"}
				title="Delete this campaign?"
				confirmLabel="Delete campaign"
				onClose={() => setConfirming(undefined)}
				onConfirm={async () => {
					await deleteCampaign(props.id);
					toast.success(`Deleted “${c().name}”`);
					navigate("/campaigns", { replace: true });
				}}
			>
				<p>
					<strong>{c().name}</strong> is deleted for good
					{status() === "scheduled" ? ", and its scheduled send is called off" : ""}.
				</p>
			</ConfirmDialog>
		</>
	);
}

/** The header's line under the title: when it is scheduled, finished, started or was created. */
function describe(c: Campaign, status: CampaignStatus): string {
	if (status === "scheduled" && c.schedule) return `Scheduled for ${formatDate(c.schedule.send_at)}`;
	if (c.completed_at) return `${status === "cancelled" ? "Cancelled" : "Finished"} ${formatDate(c.completed_at)}`;
	if (c.started_at) return `Started ${formatDate(c.started_at)}`;
	return `Created ${formatRelative(c.created_at)}`;
}
