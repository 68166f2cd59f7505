import { A } from "@solidjs/router";
import { type Accessor, createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { EmptyState } from "../../../components/EmptyState";
import { LinkButton } from "../../../components/LinkButton";
import { PagedTable } from "../../../components/PagedTable";
import type { Column } from "../../../components/Table";
import { listCampaignMessages, type MessageFilter } from "../../../lib/api";
import { createDebounced } from "../../../lib/debounce";
import { formatDate, formatNumber, formatRelative } from "../../../lib/format";
import { createPagedList } from "../../../lib/paged";
import { createPolling } from "../../../lib/poll";
import type { CampaignMessage, CampaignStatus } from "../../../lib/types";
import { LogFilters } from "../report/LogFilters";
import { MessageStatusBadge } from "../shared";

const LOG_PAGE = 50;
/** How often the first page is refreshed while the campaign sends (at most, when the socket is live). */
const REFRESH_MS = 3000;

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
			<Show
				when={m.sent_at}
				fallback={
					<Show when={m.status === "queued" && m.scheduled_for} fallback={<span class="muted">—</span>}>
						{(due) => <span class="muted" title={due()}>{`due ${formatDate(due())}`}</span>}
					</Show>
				}
			>
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

type Props = {
	campaignId: string;
	campaignName: string;
	canEdit: boolean;
	status: Accessor<CampaignStatus>;
	/** True while the campaign socket is live: its numbers, not a timer, say when the log has news. */
	live: Accessor<boolean>;
	/** Recipients settled so far (from the live numbers); a change refreshes the first page while sending. */
	processed: Accessor<number>;
};

/**
 * The per-recipient log, filterable by status and engagement and searchable by address, exportable as CSV. While the campaign sends, the first page is kept fresh (pages
 * loaded with "Load more" are left alone): on news from the socket when it is live, every 3 s when it is not.
 */
export function RecipientLog(props: Props) {
	const [filter, setFilter] = createSignal<MessageFilter>({});
	const [search, setSearch] = createSignal("");
	const settledSearch = createDebounced(search, 300);
	const query = (): MessageFilter => ({ ...filter(), q: settledSearch().trim() || undefined });
	const filtered = () => Boolean(filter().status || filter().engagement || query().q);
	const emptyTitle = () => {
		const f = query();
		if (!filtered()) return "No recipients yet";
		return f.status && !f.engagement && !f.q ? `No ${f.status} recipients` : "No recipients match";
	};
	const log = createPagedList((cursor) =>
		listCampaignMessages(props.campaignId, { limit: LOG_PAGE, cursor, ...query() }),
	);
	createEffect(on([query, props.status], () => log.reload()));
	const firstPageOnly = () => (log.items()?.length ?? 0) <= LOG_PAGE && !log.hasMore();
	const sending = () => props.status() === "sending";
	createPolling(
		() => sending() && !props.live() && firstPageOnly(),
		() => log.reload(),
		REFRESH_MS,
	);

	let pending: ReturnType<typeof setTimeout> | undefined;
	createEffect(
		on(
			props.processed,
			() => {
				if (pending || !props.live() || !sending()) return;
				pending = setTimeout(() => {
					pending = undefined;
					if (sending() && firstPageOnly()) void log.reload();
				}, REFRESH_MS);
			},
			{ defer: true },
		),
	);
	onCleanup(() => clearTimeout(pending));

	return (
		<section class="card card-flush" aria-label="Recipients">
			<div class="card-head pad">
				<h2 class="card-title">Recipients</h2>
				<div class="card-head-actions">
					<LinkButton href={`/outbox?campaign_id=${encodeURIComponent(props.campaignId)}`}>View in Outbox</LinkButton>
				</div>
			</div>
			{/* Before the send there is nobody to filter or export. */}
			<Show when={props.status() !== "draft" && props.status() !== "scheduled"}>
				<LogFilters
					campaignId={props.campaignId}
					campaignName={props.campaignName}
					filter={query()}
					search={search()}
					onSearch={setSearch}
					onChange={(change) => setFilter((prev) => ({ ...prev, ...change }))}
					canEdit={props.canEdit}
				/>
			</Show>
			<PagedTable
				label="Recipients"
				columns={columns}
				list={log}
				rowKey={(m) => m.contact_id}
				empty={
					<EmptyState icon="contacts" title={emptyTitle()}>
						{filtered()
							? "Try another filter, or clear the search."
							: "Each recipient gets a row here once the send starts: its status, attempts and any error."}
					</EmptyState>
				}
			/>
		</section>
	);
}
