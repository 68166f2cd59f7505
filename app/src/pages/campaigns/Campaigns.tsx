import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { BulkBar } from "../../components/bulk/BulkBar";
import { selectColumn } from "../../components/bulk/SelectColumn";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { ProgressBar } from "../../components/ProgressBar";
import { SelectField } from "../../components/SelectField";
import type { Column } from "../../components/Table";
import { type CampaignListStatus, listCampaigns } from "../../lib/api";
import { formatDate, formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { createPolling } from "../../lib/poll";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Campaign, CampaignListItem } from "../../lib/types";
import { formatRate } from "./report/rates";
import { CampaignStatusBadge } from "./shared";

const PAGE = 50;
const STATUS_FILTER = [
	{ value: "", label: "All but archived" },
	...["draft", "scheduled", "sending", "paused", "completed", "cancelled", "archived"].map((s) => ({
		value: s,
		label: s[0]?.toUpperCase() + s.slice(1),
	})),
];

/** What the progress column says for a campaign that is not sending. */
function ProgressCell(props: { campaign: Campaign }) {
	const c = () => props.campaign;
	return (
		<Show
			when={c().status === "sending" || c().status === "paused"}
			fallback={
				<Show
					when={c().status === "scheduled" && c().schedule}
					fallback={
						<span class="muted" data-testid="campaign-processed">
							{c().progress.audience > 0
								? `${formatNumber(c().progress.processed)} of ${formatNumber(c().progress.audience)} processed`
								: "—"}
						</span>
					}
				>
					{(s) => <span title={s().send_at}>Sends {formatDate(s().send_at)}</span>}
				</Show>
			}
		>
			<div class="cell-progress">
				<ProgressBar
					label={`Progress of ${c().name}`}
					value={c().progress.processed}
					max={c().progress.audience}
					caption={`${formatNumber(c().progress.processed)} / ${formatNumber(c().progress.audience)}`}
				/>
			</div>
		</Show>
	);
}

/** Sent, or opened/clicked by people with their share of sent; "—" before anything is sent. */
function ResultCell(props: { campaign: CampaignListItem; of: "sent" | "opened" | "clicked" }) {
	const r = () => props.campaign.results;
	return (
		<Show when={r().sent > 0} fallback={<span class="muted">—</span>}>
			<span data-testid={`campaign-${props.of}`}>
				{formatNumber(r()[props.of])}
				<Show when={props.of !== "sent"}>
					<span class="muted small"> {formatRate(r()[props.of] / r().sent)}</span>
				</Show>
			</span>
		</Show>
	);
}

/** Broadcasts, newest first, refreshed every 2 s while one of them is sending. */
export default function Campaigns() {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	// The status filter is kept in the URL (`?status=archived` shows the archived ones).
	const [params, setParams] = useSearchParams<{ status?: string }>();
	const status = () => (params.status || undefined) as CampaignListStatus | undefined;
	const campaigns = createPagedList((cursor) => listCampaigns({ limit: PAGE, cursor, status: status() }));
	createEffect(
		on(
			() => [me().workspace.id, params.status],
			() => campaigns.reload(),
		),
	);
	const empty = () => !status() && campaigns.items()?.length === 0 && !campaigns.loading() && !campaigns.error();

	// While something sends, refresh the rows already shown (one request for up to 500 of them), in place.
	const sending = () => (campaigns.items() ?? []).some((c) => c.status === "sending");
	createPolling(
		sending,
		async () => {
			const shown = campaigns.items()?.length ?? 0;
			const fresh = await listCampaigns({ limit: Math.min(500, Math.max(PAGE, shown)) });
			const byId = new Map(fresh.data.map((c) => [c.id, c]));
			campaigns.update((rows) => rows.map((row) => byId.get(row.id) ?? row));
		},
		2000,
	);

	const [selected, setSelected] = createSignal(new Set<string>());
	const nameOf = (id: string) => campaigns.items()?.find((c) => c.id === id)?.name ?? id;
	const select = selectColumn({ selected, setSelected, rows: campaigns.items, key: (c) => c.id, name: (c) => c.name });

	const columns: Column<CampaignListItem>[] = [
		...(canEdit() ? [select] : []),
		{
			header: "Name",
			class: "cell-clip",
			cell: (c) => (
				<A href={`/campaigns/${c.id}`} class="strong-link" title={c.name}>
					{c.name}
				</A>
			),
		},
		{ header: "Status", cell: (c) => <CampaignStatusBadge status={c.status} /> },
		{ header: "Progress", class: "cell-wide", cell: (c) => <ProgressCell campaign={c} /> },
		{ header: "Sent", class: "cell-num", cell: (c) => <ResultCell campaign={c} of="sent" /> },
		{ header: "Opened", class: "cell-num", cell: (c) => <ResultCell campaign={c} of="opened" /> },
		{ header: "Clicked", class: "cell-num", cell: (c) => <ResultCell campaign={c} of="clicked" /> },
		{
			header: "Started",
			cell: (c) => (
				<Show when={c.started_at} fallback={<span class="muted">—</span>}>
					{(at) => <span title={at()}>{formatRelative(at())}</span>}
				</Show>
			),
		},
	];

	return (
		<>
			<PageHeader
				title="Campaigns"
				description="Broadcasts to all subscribed contacts or a segment: send now or schedule, then watch them go out."
				actions={
					<>
						<Show when={!empty()}>
							<LinkButton href="/campaigns/compare">Compare</LinkButton>
						</Show>
						<Show when={canEdit() && !empty()}>
							<LinkButton href="/campaigns/new" variant="primary">
								New campaign
							</LinkButton>
						</Show>
					</>
				}
			/>
			<section class="card card-flush">
				<search class="filter-bar">
					<SelectField
						label="Status"
						name="status"
						options={STATUS_FILTER}
						value={params.status ?? ""}
						onChange={(e) => setParams({ status: e.currentTarget.value || undefined }, { replace: true })}
					/>
				</search>
				<BulkBar
					resource="campaigns"
					noun="campaigns"
					selected={selected()}
					setSelected={setSelected}
					nameOf={nameOf}
					onDone={() => campaigns.reload()}
					matching={{
						filter: { status: status() },
						pageIds: (campaigns.items() ?? []).map((c) => c.id),
						hasMore: campaigns.hasMore(),
					}}
				/>
				<PagedTable
					label="Campaigns"
					columns={columns}
					list={campaigns}
					rowKey={(c) => c.id}
					onRowClick={(c) => navigate(`/campaigns/${c.id}`)}
					empty={
						<Show
							when={status()}
							fallback={
								<EmptyState
									icon="campaigns"
									title="No campaigns yet"
									action={
										<Show when={canEdit()}>
											<LinkButton href="/campaigns/new" variant="primary">
												Create your first campaign
											</LinkButton>
										</Show>
									}
								>
									Pick an audience and a template, check the preview, then send it now or schedule it. Progress and
									results show up here.
								</EmptyState>
							}
						>
							<EmptyState icon="campaigns" title="No campaigns in this status">
								Pick another status, or “All but archived”.
							</EmptyState>
						</Show>
					}
				/>
			</section>
		</>
	);
}
