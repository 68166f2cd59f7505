import { A } from "@solidjs/router";
import { type Accessor, createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { EmptyState } from "../../../components/EmptyState";
import { LinkButton } from "../../../components/LinkButton";
import { PagedTable } from "../../../components/PagedTable";
import { SelectField } from "../../../components/SelectField";
import type { Column } from "../../../components/Table";
import { listCampaignMessages } from "../../../lib/api";
import { formatNumber, formatRelative } from "../../../lib/format";
import { createPagedList } from "../../../lib/paged";
import { createPolling } from "../../../lib/poll";
import type { CampaignMessage, CampaignStatus, MessageStatus } from "../../../lib/types";
import { MessageStatusBadge } from "../shared";

const LOG_PAGE = 50;
/** How often the first page is refreshed while the campaign sends (at most, when the socket is live). */
const REFRESH_MS = 3000;
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

type Props = {
	campaignId: string;
	status: Accessor<CampaignStatus>;
	/** True while the campaign socket is live: its numbers, not a timer, say when the log has news. */
	live: Accessor<boolean>;
	/** Recipients settled so far (from the live numbers); a change refreshes the first page while sending. */
	processed: Accessor<number>;
};

/**
 * The per-recipient log, filterable by status. While the campaign sends, the first page is kept fresh (pages
 * loaded with "Load more" are left alone): on news from the socket when it is live, every 3 s when it is not.
 */
export function RecipientLog(props: Props) {
	const [filter, setFilter] = createSignal<MessageStatus | "">("");
	const log = createPagedList((cursor) =>
		listCampaignMessages(props.campaignId, { limit: LOG_PAGE, cursor, status: filter() || undefined }),
	);
	createEffect(on([filter, props.status], () => log.reload()));
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
					<SelectField
						label="Status"
						compact
						name="status"
						value={filter()}
						onChange={(e) => setFilter(e.currentTarget.value as MessageStatus | "")}
						options={STATUS_FILTERS}
					/>
					<LinkButton href={`/outbox?campaign_id=${encodeURIComponent(props.campaignId)}`}>View in Outbox</LinkButton>
				</div>
			</div>
			<PagedTable
				label="Recipients"
				columns={columns}
				list={log}
				rowKey={(m) => m.contact_id}
				empty={
					<EmptyState icon="contacts" title={filter() ? `No ${filter()} recipients` : "No recipients yet"}>
						{filter()
							? "Try another status."
							: "Each recipient gets a row here once the send starts: its status, attempts and any error."}
					</EmptyState>
				}
			/>
		</section>
	);
}
