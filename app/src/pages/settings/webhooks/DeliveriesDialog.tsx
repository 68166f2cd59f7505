import { createEffect, For, on, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../../components/Badge";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { EmptyState } from "../../../components/EmptyState";
import { PagedTable } from "../../../components/PagedTable";
import type { Column } from "../../../components/Table";
import { toast } from "../../../components/Toasts";
import { listWebhookDeliveries, messageOf, replayWebhookDelivery } from "../../../lib/api";
import { formatRelative } from "../../../lib/format";
import { createPagedList } from "../../../lib/paged";

type Delivery = Awaited<ReturnType<typeof listWebhookDeliveries>>["data"][number];
type Endpoint = { id: string; url: string; enabled: boolean };

const TONES: Record<Delivery["status"], BadgeTone> = { pending: "warning", succeeded: "success", failed: "danger" };

/** Each attempt as "200 · 84 ms" (or its error), oldest first. */
function Attempts(props: { delivery: Delivery }) {
	return (
		<ul class="tag-list" aria-label="Attempts">
			<For each={props.delivery.attempts}>
				{(a) => (
					<li class="tag" title={`${a.at}${a.error ? `: ${a.error}` : ""}`}>
						{a.status_code ?? a.error ?? "no answer"} · {a.duration_ms} ms
					</li>
				)}
			</For>
		</ul>
	);
}

/** An endpoint's delivery log: status, every attempt's status code and duration, and Replay for admins. */
export function DeliveriesDialog(props: { endpoint?: Endpoint; canManage: boolean; onClose: () => void }) {
	const deliveries = createPagedList((cursor?: string) =>
		props.endpoint
			? listWebhookDeliveries(props.endpoint.id, cursor)
			: Promise.resolve({ data: [], next_cursor: null }),
	);
	createEffect(
		on(
			() => props.endpoint?.id,
			(id) => id && deliveries.reload(),
		),
	);

	const replay = async (d: Delivery) => {
		const endpoint = props.endpoint;
		if (!endpoint) return;
		try {
			const queued = await replayWebhookDelivery(endpoint.id, d.id);
			deliveries.update((rows) => rows.map((r) => (r.id === d.id ? queued : r)));
			toast.success(`${d.event_type} queued again with the same webhook-id`);
		} catch (e) {
			toast.error(messageOf(e));
		}
	};

	const columns: Column<Delivery>[] = [
		{
			header: "Event",
			cell: (d) => (
				<div class="member-cell">
					<code class="mono">{d.event_type}</code>
					<span class="muted small" title={d.created_at}>
						{formatRelative(d.created_at)}
					</span>
				</div>
			),
		},
		{ header: "Status", cell: (d) => <Badge tone={TONES[d.status]}>{d.status}</Badge> },
		{ header: "Attempts", cell: (d) => <Attempts delivery={d} /> },
		{
			header: "",
			class: "cell-actions",
			cell: (d) => (
				<Show when={props.canManage && props.endpoint?.enabled}>
					<Button size="sm" onClick={() => replay(d)} aria-label={`Replay ${d.event_type} ${d.id}`}>
						Replay
					</Button>
				</Show>
			),
		},
	];

	return (
		<Dialog
			open={props.endpoint !== undefined}
			title="Deliveries"
			description={props.endpoint?.url}
			onClose={props.onClose}
			footer={
				<>
					<Button onClick={() => deliveries.reload()}>Refresh</Button>
					<Button variant="primary" onClick={props.onClose}>
						Close
					</Button>
				</>
			}
		>
			<PagedTable
				label="Deliveries"
				columns={columns}
				list={deliveries}
				rowKey={(d) => d.id}
				empty={
					<EmptyState icon="outbox" title="No deliveries yet">
						Deliveries appear here as soon as a subscribed event happens.
					</EmptyState>
				}
			/>
		</Dialog>
	);
}
