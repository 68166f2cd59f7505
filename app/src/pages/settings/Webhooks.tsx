import { createSignal, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { toast } from "../../components/Toasts";
import {
	deleteWebhookEndpoint,
	listWebhookEndpoints,
	messageOf,
	rotateWebhookSecret,
	updateWebhookEndpoint,
} from "../../lib/api";
import { formatRelative } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { createWorkspaceList, ListCard } from "./settings-list";
import { AddEndpointDialog } from "./webhooks/AddEndpointDialog";
import { DeliveriesDialog } from "./webhooks/DeliveriesDialog";
import { SecretDialog } from "./webhooks/SecretDialog";

type Endpoint = Awaited<ReturnType<typeof listWebhookEndpoints>>["data"][number];

function EndpointStatus(props: { endpoint: Endpoint }) {
	return (
		<Show when={props.endpoint.enabled} fallback={<Badge tone="neutral">off</Badge>}>
			<Show when={props.endpoint.failing_since} fallback={<Badge tone="success">on</Badge>}>
				{(since) => <Badge tone="warning">failing since {formatRelative(since())}</Badge>}
			</Show>
		</Show>
	);
}

/** Where Pulse sends the workspace's events (outbound webhooks): admins manage, every member reads. */
export default function Webhooks() {
	const me = useMe();
	const canManage = () => atLeast(me().role, "admin");
	const endpoints = createWorkspaceList(listWebhookEndpoints);
	const [adding, setAdding] = createSignal(false);
	const [secret, setSecret] = createSignal<{ url: string; secret: string; rotated: boolean }>();
	const [viewing, setViewing] = createSignal<Endpoint>();
	const [removing, setRemoving] = createSignal<Endpoint>();

	const act = async (work: () => Promise<unknown>, done: string) => {
		try {
			await work();
			toast.success(done);
			await endpoints.reload();
		} catch (e) {
			toast.error(messageOf(e));
		}
	};
	const rotate = (e: Endpoint) =>
		act(async () => {
			const rotated = await rotateWebhookSecret(e.id);
			setSecret({ url: rotated.url, secret: rotated.secret, rotated: true });
		}, "New secret made; the old one keeps signing for 24 hours");

	const columns: Column<Endpoint>[] = [
		{
			header: "Endpoint",
			class: "cell-wide cell-clip-text",
			cell: (e) => (
				<div class="member-cell">
					<strong class="mono">{e.url}</strong>
					<span class="muted small">{e.events.join(", ")}</span>
					<Show when={e.disabled_reason}>
						<span class="small text-danger">{e.disabled_reason}</span>
					</Show>
				</div>
			),
		},
		{ header: "Status", cell: (e) => <EndpointStatus endpoint={e} /> },
		{
			header: "",
			class: "cell-actions",
			cell: (e) => (
				<div class="copy-row">
					<Button size="sm" onClick={() => setViewing(e)} aria-label={`Deliveries of ${e.url}`}>
						Deliveries
					</Button>
					<Show when={canManage()}>
						<Button
							size="sm"
							onClick={() =>
								act(
									() => updateWebhookEndpoint(e.id, { enabled: !e.enabled }),
									e.enabled ? "Endpoint turned off" : "Endpoint turned on",
								)
							}
						>
							{e.enabled ? "Turn off" : "Turn on"}
						</Button>
						<Button size="sm" onClick={() => rotate(e)}>
							Rotate secret
						</Button>
						<Button variant="ghost" size="sm" class="text-danger" onClick={() => setRemoving(e)}>
							Delete
						</Button>
					</Show>
				</div>
			),
		},
	];

	return (
		<>
			<PageHeader
				title="Webhooks"
				description="Pulse POSTs events (opens, clicks, unsubscribes, campaign changes...) to your endpoints as they happen, signed per Standard Webhooks and retried for about a day."
				actions={
					<Show when={canManage()}>
						<Button variant="primary" onClick={() => setAdding(true)}>
							Add endpoint
						</Button>
					</Show>
				}
			/>
			<ListCard
				label="Webhook endpoints"
				list={endpoints}
				columns={columns}
				rowKey={(e) => e.id}
				empty={
					<EmptyState icon="outbox" title="No webhook endpoints yet">
						{canManage()
							? "Add an endpoint to send Pulse's events to your CRM, data warehouse or automation tool."
							: "Ask an admin to add an endpoint that receives this workspace's events."}
					</EmptyState>
				}
			/>
			<AddEndpointDialog
				open={adding()}
				onClose={() => setAdding(false)}
				onCreated={(created) => {
					setAdding(false);
					setSecret({ url: created.url, secret: created.secret, rotated: false });
					void endpoints.reload();
				}}
			/>
			<SecretDialog secret={secret()} onClose={() => setSecret(undefined)} />
			<DeliveriesDialog endpoint={viewing()} canManage={canManage()} onClose={() => setViewing(undefined)} />
			<ConfirmDialog
				open={removing() !== undefined}
				title="Delete endpoint?"
				confirmLabel="Delete endpoint"
				onClose={() => setRemoving(undefined)}
				onConfirm={async () => {
					const e = removing();
					if (e) await act(() => deleteWebhookEndpoint(e.id), "Endpoint deleted");
				}}
			>
				<p>
					<strong class="mono">{removing()?.url}</strong> stops receiving events, and its delivery log is deleted.
				</p>
			</ConfirmDialog>
		</>
	);
}
