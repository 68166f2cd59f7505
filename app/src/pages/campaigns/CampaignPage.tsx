import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, on, Show, Switch, untrack } from "solid-js";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { ProgressBar } from "../../components/ProgressBar";
import { SelectField } from "../../components/SelectField";
import { LoadingState } from "../../components/Spinner";
import { type Column, Table } from "../../components/Table";
import { toast } from "../../components/Toasts";
import { ApiError, api, call, messageOf } from "../../lib/api";
import { formatDate, formatNumber, formatRelative } from "../../lib/format";
import { createLiveCampaign } from "../../lib/live";
import { createPagedList } from "../../lib/paged";
import { createPolling } from "../../lib/poll";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Campaign, CampaignMessage, CampaignStats, CampaignStatus, MessageStatus } from "../../lib/types";
import { AskAssistant } from "../assistant/AskAssistant";
import { Funnel, percent, TimelineChart } from "./charts";
import { SendDialog, type SendMode } from "./SendDialog";
import { audienceSize, CampaignStatusBadge, isEditable, MessageStatusBadge, processedOf, senderOf } from "./shared";

/** `/campaigns/:id`: loads the campaign, then its live view. */
export default function CampaignPage() {
	const params = useParams<{ id: string }>();
	const [campaign, { refetch, mutate }] = createResource(
		() => params.id,
		(id) => call(api.campaigns[":id"].$get({ param: { id } })),
	);
	const notFound = () => campaign.error instanceof ApiError && campaign.error.status === 404;
	return (
		<Switch fallback={<LoadingState label="Loading campaign…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="campaigns"
						title="Campaign not found"
						action={
							<A href="/campaigns" class="btn btn-secondary btn-md">
								Back to campaigns
							</A>
						}
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

const LOG_PAGE = 50;
/** Failed connection attempts in a row before the page falls back to polling (the socket keeps retrying). */
const FALLBACK_AFTER = 3;
/** Every message status, in lifecycle order (a Record, so the type check keeps it complete). */
const MESSAGE_LABELS: Record<MessageStatus, string> = {
	queued: "Queued",
	sent: "Sent",
	delivered: "Delivered",
	bounced: "Bounced",
	complained: "Complained",
	failed: "Failed",
	suppressed: "Suppressed",
	cancelled: "Cancelled",
};
const STATUS_FILTERS = [
	{ value: "", label: "All statuses" },
	...Object.entries(MESSAGE_LABELS).map(([value, label]) => ({ value, label })),
];

type Props = { id: string; campaign: Campaign; refetch: () => void; setStatus: (status: CampaignStatus) => void };

function CampaignView(props: Props) {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const c = () => props.campaign;

	// ---- numbers: one GET for the first paint, then the campaign socket (polling only if it cannot connect) ----
	const [stats, setStats] = createSignal<CampaignStats>();
	const [statsError, setStatsError] = createSignal<string>();
	const live = createLiveCampaign(() => props.id);
	const loadStats = async () => {
		try {
			const fresh = await call(api.campaigns[":id"].stats.$get({ param: { id: props.id } }));
			// A snapshot that arrived meanwhile is at least as new.
			if (!live.connected()) setStats(fresh);
			setStatsError(undefined);
		} catch (e) {
			if (!live.connected()) setStatsError(messageOf(e));
		}
	};
	void loadStats();
	createEffect(
		on(live.stats, (fresh) => {
			if (!fresh) return;
			setStats(fresh);
			setStatsError(undefined);
		}),
	);
	// The live numbers carry the newest status; the campaign row (timestamps, schedule) is reloaded whenever the
	// two disagree (a status message can arrive a moment before D1 has the change, so this repeats until it has).
	const status = () => stats()?.status ?? c().status;
	createEffect(
		on(stats, (fresh) => {
			if (fresh && fresh.status !== untrack(c).status) props.refetch();
		}),
	);
	const polling = () => !live.connected() && live.failures() >= FALLBACK_AFTER;
	createPolling(() => polling() && status() !== "draft", loadStats, 2000);
	const liveState = (): LiveState => (live.connected() ? "live" : polling() ? "polling" : live.state());

	// ---- the per-recipient log --------------------------------------------------------------------------------
	const [filter, setFilter] = createSignal<MessageStatus | "">("");
	const log = createPagedList((cursor) =>
		call(
			api.campaigns[":id"].messages.$get({
				param: { id: props.id },
				query: { limit: String(LOG_PAGE), cursor, status: filter() || undefined },
			}),
		),
	);
	createEffect(on([filter, status], () => log.reload()));
	// While it sends, keep the first page fresh (unless more pages were loaded: those are left alone).
	createPolling(
		() => status() === "sending" && (log.items()?.length ?? 0) <= LOG_PAGE && !log.hasMore(),
		() => log.reload(),
		3000,
	);

	// ---- commands ---------------------------------------------------------------------------------------------
	const [sending, setSending] = createSignal<SendMode>();
	const [confirming, setConfirming] = createSignal<"cancel" | "delete">();
	const [busy, setBusy] = createSignal<"pause" | "resume">();
	const after = (next: CampaignStatus) => {
		props.setStatus(next);
		setStats((prev) => (prev ? { ...prev, status: next } : prev));
		props.refetch();
		void loadStats();
	};
	const command = async (name: "pause" | "resume") => {
		setBusy(name);
		try {
			const result =
				name === "pause"
					? await call(api.campaigns[":id"].pause.$post({ param: { id: props.id } }))
					: await call(api.campaigns[":id"].resume.$post({ param: { id: props.id } }));
			toast.success(name === "pause" ? "Paused: nothing more is enqueued" : "Resumed");
			after(result.status);
		} catch (e) {
			toast.error(messageOf(e));
			after(status());
		} finally {
			setBusy(undefined);
		}
	};

	// ---- the audience a draft would have now ---------------------------------------------------------------
	const [audienceNow] = createResource(
		() => (status() === "draft" || status() === "scheduled" ? (c().audience.segment_id ?? "all") : false),
		(key) => audienceSize(key === "all" ? null : key),
	);
	const [segment] = createResource(
		() => c().audience.segment_id ?? false,
		(id) => call(api.segments[":id"].$get({ param: { id } })).catch(() => null),
	);
	const [template] = createResource(
		() => c().template_id,
		(id) => call(api.templates[":id"].$get({ param: { id } })).catch(() => null),
	);

	const processed = () => {
		const s = stats();
		return s ? processedOf(s) : c().progress.processed;
	};
	const audience = () => stats()?.audience ?? c().progress.audience;
	const started = () => status() !== "draft" && status() !== "scheduled";

	const deliveryCards = () => {
		const s = stats();
		return [
			{ label: "Audience", value: s?.audience, tone: "" },
			{ label: "Sent", value: s?.sent, tone: "stat-success" },
			{ label: "Failed", value: s?.failed, tone: s?.failed ? "stat-danger" : "" },
			{ label: "Suppressed", value: s?.suppressed, tone: "stat-warning" },
			{ label: "Cancelled", value: s?.cancelled, tone: "" },
		];
	};
	const engagementCards = () => {
		const s = stats();
		return [
			{ label: "Opens", value: s?.opens, tone: "" },
			{ label: "Unique opens", value: s?.unique_opens, tone: "stat-accent" },
			{ label: "Clicks", value: s?.clicks, tone: "" },
			{ label: "Unique clicks", value: s?.unique_clicks, tone: "stat-accent" },
			{ label: "Click rate", text: s ? percent(s.unique_clicks, s.delivered || s.sent) : undefined, tone: "" },
		];
	};
	const problemCards = () => {
		const s = stats();
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
	const linkColumns: Column<CampaignStats["links"][number]>[] = [
		{
			header: "URL",
			class: "cell-clip",
			cell: (link) => (
				<a href={link.url} target="_blank" rel="noopener noreferrer" class="mono small" title={link.url}>
					{link.url}
				</a>
			),
		},
		{ header: "Clicks", class: "cell-num", cell: (link) => <span data-col="clicks">{formatNumber(link.clicks)}</span> },
		{
			header: "Unique clicks",
			class: "cell-num",
			cell: (link) => <span data-col="unique">{formatNumber(link.unique_clicks)}</span>,
		},
	];

	const columns: Column<CampaignMessage>[] = [
		{
			header: "Recipient",
			class: "cell-clip",
			cell: (m) => (
				<A href={`/contacts/${m.contact_id}`} class="strong-link" title={m.email}>
					{m.email}
				</A>
			),
		},
		{ header: "Status", cell: (m) => <MessageStatusBadge status={m.status} /> },
		{ header: "Attempts", class: "cell-num", cell: (m) => formatNumber(m.attempts) },
		{
			header: "Sent",
			cell: (m) => (
				<Show when={m.sent_at} fallback={<span class="muted">—</span>}>
					{(at) => <span title={at()}>{formatRelative(at())}</span>}
				</Show>
			),
		},
		{
			header: "Engagement",
			cell: (m) => (
				<span class="muted small">
					{[m.opened_at ? "opened" : "", m.clicked_at ? "clicked" : ""].filter(Boolean).join(", ") || "—"}
				</span>
			),
		},
		{
			header: "Last error",
			class: "cell-clip",
			cell: (m) => (
				<Show when={m.last_error} fallback={<span class="muted">—</span>}>
					{(error) => (
						<span class="text-danger small" title={error()} data-testid="message-error">
							{error()}
						</span>
					)}
				</Show>
			),
		},
	];

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/campaigns">Campaigns</A> <span aria-hidden="true">/</span> <span>{c().name}</span>
			</nav>
			<PageHeader
				title={c().name}
				meta={<CampaignStatusBadge status={status()} />}
				description={
					status() === "scheduled" && c().schedule
						? `Scheduled for ${formatDate(c().schedule?.send_at ?? "")}`
						: c().completed_at
							? `${status() === "cancelled" ? "Cancelled" : "Finished"} ${formatDate(c().completed_at ?? "")}`
							: c().started_at
								? `Started ${formatDate(c().started_at ?? "")}`
								: `Created ${formatRelative(c().created_at)}`
				}
				actions={
					<>
						<AskAssistant
							prompt={`Summarize the results of the campaign "${c().name}" (${c().id}) and suggest what to try next.`}
						/>
						<Show when={canEdit()}>
							<Show when={status() === "draft" || status() === "cancelled" || status() === "scheduled"}>
								<Button variant="ghost" class="text-danger" onClick={() => setConfirming("delete")}>
									Delete
								</Button>
							</Show>
							<Show when={status() !== "completed" && status() !== "cancelled"}>
								<Button variant="ghost" class="text-danger" onClick={() => setConfirming("cancel")}>
									Cancel campaign
								</Button>
							</Show>
							<Show when={isEditable(status())}>
								<A href={`/campaigns/${props.id}/edit`} class="btn btn-secondary btn-md">
									Edit
								</A>
							</Show>
							<Show when={status() === "draft"}>
								<Button onClick={() => setSending("schedule")}>Schedule…</Button>
							</Show>
							<Show when={status() === "draft" || status() === "scheduled"}>
								<Button variant="primary" onClick={() => setSending("now")}>
									Send now…
								</Button>
							</Show>
							<Show when={status() === "sending"}>
								<Button onClick={() => command("pause")} loading={busy() === "pause"}>
									Pause
								</Button>
							</Show>
							<Show when={status() === "paused"}>
								<Button variant="primary" onClick={() => command("resume")} loading={busy() === "resume"}>
									Resume
								</Button>
							</Show>
						</Show>
					</>
				}
			/>

			<div class="stack">
				<FormAlert tone="warning" message={statsError() ? `Numbers may be out of date: ${statsError()}` : undefined} />
				<Show when={status() === "paused"}>
					<FormAlert
						tone="warning"
						message="Paused: nothing more is enqueued until you resume. Messages already handed to the provider still go out."
					/>
				</Show>

				<section class="card stack" aria-label="Delivery">
					<Show
						when={started()}
						fallback={
							<div class="not-started">
								<div>
									<h2 class="card-title">Not sent yet</h2>
									<p class="muted">
										<Show when={audienceNow.latest} fallback={<>Counting the audience…</>}>
											{(a) => (
												<>
													It would go to{" "}
													<strong data-testid="audience-now">
														{formatNumber(a().sendable)} {a().sendable === 1 ? "contact" : "contacts"}
													</strong>{" "}
													right now.
												</>
											)}
										</Show>
									</p>
								</div>
							</div>
						}
					>
						<div class="card-head">
							<h2 class="card-title">Progress</h2>
							<LiveIndicator state={liveState()} />
						</div>
						<ProgressBar
							label="Send progress"
							value={processed()}
							max={audience()}
							caption={`${formatNumber(processed())} of ${formatNumber(audience())} recipients processed${status() === "sending" ? " so far" : ""}`}
						/>
					</Show>
					<dl class="stats" aria-label="Delivery numbers" data-testid="delivery-stats">
						<For each={deliveryCards()}>
							{(card) => (
								<div class={`stat ${card.tone}`} data-stat={card.label.toLowerCase()}>
									<dt>{card.label}</dt>
									<dd>{card.value === undefined ? "—" : formatNumber(card.value)}</dd>
								</div>
							)}
						</For>
					</dl>
				</section>

				<Show when={started()}>
					<section class="card stack" aria-labelledby="engagement-title">
						<div class="card-head">
							<h2 class="card-title" id="engagement-title">
								Engagement
							</h2>
						</div>
						<dl class="stats" aria-label="Engagement numbers">
							<For each={engagementCards()}>
								{(card) => (
									<div class={`stat ${card.tone}`} data-stat={card.label.toLowerCase()}>
										<dt>{card.label}</dt>
										<dd>
											{"text" in card ? (card.text ?? "—") : card.value === undefined ? "—" : formatNumber(card.value)}
										</dd>
									</div>
								)}
							</For>
						</dl>
						<div class="engagement-grid">
							<div class="stack">
								<h3 class="sub-title">Funnel</h3>
								<Show when={stats()} fallback={<p class="muted">Loading the numbers…</p>}>
									{(s) => <Funnel stats={s()} />}
								</Show>
							</div>
							<div class="stack">
								<h3 class="sub-title">Opens and clicks over time</h3>
								<TimelineChart timeline={stats()?.timeline ?? []} />
							</div>
						</div>
					</section>
				</Show>

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

				<Show when={started()}>
					<section class="card card-flush" aria-labelledby="links-title">
						<div class="card-head pad">
							<h2 class="card-title" id="links-title">
								Links clicked
							</h2>
							<span class="muted small">All clicks, and unique people (bots left out)</span>
						</div>
						<Table
							label="Links"
							columns={linkColumns}
							rows={stats()?.links}
							rowKey={(link) => link.url}
							empty={
								<p class="muted pad" data-testid="links-empty">
									No clicks yet. Clicks on tracked links are counted here per URL.
								</p>
							}
						/>
					</section>
				</Show>

				<section class="card card-flush" aria-label="Recipients">
					<div class="card-head pad">
						<h2 class="card-title">Recipients</h2>
						<div class="card-head-actions">
							<SelectField
								label="Status"
								compact
								name="status"
								value={filter()}
								onChange={(e) => setFilter(e.currentTarget.value as MessageStatus | "")}
								options={STATUS_FILTERS}
							/>
							<A href={`/outbox?campaign_id=${encodeURIComponent(props.id)}`} class="btn btn-secondary btn-md">
								View in Outbox
							</A>
						</div>
					</div>
					<FormAlert message={log.error()} />
					<Table
						label="Recipients"
						columns={columns}
						rows={log.items()}
						loading={log.loading() && !log.items()}
						rowKey={(m) => m.contact_id}
						empty={
							<EmptyState icon="contacts" title={filter() ? `No ${filter()} recipients` : "No recipients yet"}>
								{filter()
									? "Try another status."
									: "Each recipient gets a row here once the send starts: its status, attempts and any error."}
							</EmptyState>
						}
					/>
					<Show when={log.hasMore()}>
						<div class="table-more">
							<Button onClick={log.loadMore} loading={log.loading()}>
								Load more
							</Button>
						</div>
					</Show>
				</section>
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
					const result = await call(api.campaigns[":id"].cancel.$post({ param: { id: props.id } }));
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
					await call(api.campaigns[":id"].$delete({ param: { id: props.id } }));
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

/** "Live" while the socket is open; otherwise says how the numbers are kept fresh. */
type LiveState = "live" | "polling" | "connecting" | "reconnecting";
const LIVE_TEXT: Record<LiveState, string> = {
	live: "Live",
	connecting: "Connecting…",
	reconnecting: "Reconnecting…",
	polling: "Reconnecting… (refreshing every few seconds)",
};

function LiveIndicator(props: { state: LiveState }) {
	const text = () => LIVE_TEXT[props.state];
	return (
		<span
			class={`live-indicator live-${props.state} small`}
			data-testid="live-indicator"
			data-state={props.state}
			role="status"
			title={props.state === "live" ? "Numbers update as they change" : undefined}
		>
			{text()}
		</span>
	);
}
