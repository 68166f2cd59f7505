import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { listOutbox } from "../../lib/api";
import { formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { useMe } from "../../lib/session";
import type { OutboxMessage } from "../../lib/types";

/** Messages the capture provider kept instead of delivering (no Resend key), newest first. */
export default function Outbox() {
	const me = useMe();
	const navigate = useNavigate();
	const [params, setParams] = useSearchParams<{ campaign_id?: string }>();
	const messages = createPagedList((cursor) => listOutbox({ cursor, campaign_id: params.campaign_id || undefined }));
	createEffect(
		on(
			() => [me().workspace.id, params.campaign_id],
			() => messages.reload(),
		),
	);
	const detail = (m: OutboxMessage) => `/outbox/${m.id}`;

	const columns: Column<OutboxMessage>[] = [
		{ header: "To", cell: (m) => <span class="cell-clip-text">{m.to}</span> },
		{
			header: "Subject",
			class: "cell-clip",
			cell: (m) => (
				<A href={detail(m)} class="strong-link" title={m.subject}>
					{m.subject || "(no subject)"}
				</A>
			),
		},
		{ header: "From", cell: (m) => <span class="muted cell-clip-text">{m.from}</span> },
		{ header: "Captured", cell: (m) => <span title={m.created_at}>{formatRelative(m.created_at)}</span> },
	];

	return (
		<>
			<PageHeader
				title="Outbox"
				description="Every email Pulse would have delivered, captured with its headers, HTML and text, while no Resend key is configured."
			/>
			<section class="card card-flush">
				<Show when={params.campaign_id}>
					{(campaign) => (
						<div class="filter-chips">
							<span class="chip">
								Campaign <code class="mono">{campaign()}</code>
								<button
									type="button"
									class="chip-remove"
									aria-label="Show messages of all campaigns"
									onClick={() => setParams({ campaign_id: undefined })}
								>
									×
								</button>
							</span>
						</div>
					)}
				</Show>
				<PagedTable
					label="Captured messages"
					columns={columns}
					list={messages}
					rowKey={(m) => m.id}
					onRowClick={(m) => navigate(detail(m))}
					empty={
						<Show
							when={!params.campaign_id}
							fallback={
								<EmptyState
									icon="outbox"
									title="No captured messages for this campaign"
									action={<Button onClick={() => setParams({ campaign_id: undefined })}>Show all messages</Button>}
								>
									It may not have sent yet, or it went out through Resend.
								</EmptyState>
							}
						>
							<EmptyState
								icon="outbox"
								title="The Outbox is empty"
								action={<LinkButton href="/templates">Send a test from a template</LinkButton>}
							>
								Without a <code class="mono">RESEND_API_KEY</code>, Pulse delivers nothing: every email, from test sends
								to campaigns, lands here instead, rendered exactly as it would be sent. Set the key as a Worker secret
								to deliver for real.
							</EmptyState>
						</Show>
					}
				/>
			</section>
		</>
	);
}
