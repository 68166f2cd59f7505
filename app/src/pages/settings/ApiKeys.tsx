import { createEffect, createSignal, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { RoleBadge } from "../../components/RoleBadge";
import type { Column } from "../../components/Table";
import { toast } from "../../components/Toasts";
import { listApiKeys, revokeApiKey } from "../../lib/api";
import { formatDate, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { ApiKey } from "../../lib/types";
import { CreateKeyDialog } from "./CreateKeyDialog";
import { KeySecretDialog } from "./KeySecretDialog";

export default function ApiKeys() {
	const me = useMe();
	const canManage = () => atLeast(me().role, "admin");
	const keys = createPagedList(listApiKeys);
	const [creating, setCreating] = createSignal(false);
	const [secret, setSecret] = createSignal<{ name: string; key: string }>();
	const [revoking, setRevoking] = createSignal<ApiKey>();
	createEffect(
		on(
			() => me().workspace.id,
			() => canManage() && keys.reload(),
		),
	);

	const columns: Column<ApiKey>[] = [
		{ header: "Name", cell: (k) => <strong>{k.name}</strong> },
		{ header: "Role", cell: (k) => <RoleBadge role={k.role} /> },
		{ header: "Key", cell: (k) => <code class="mono">{k.prefix}…</code> },
		{
			header: "Created by",
			cell: (k) =>
				k.created_by ? <span title={k.created_by.email}>{k.created_by.name}</span> : <span class="muted">Unknown</span>,
		},
		{ header: "Created", cell: (k) => <span title={k.created_at}>{formatDate(k.created_at)}</span> },
		{
			header: "Last used",
			cell: (k) => (k.last_used_at ? <span title={k.last_used_at}>{formatRelative(k.last_used_at)}</span> : "Never"),
		},
		{
			header: "",
			class: "cell-actions",
			cell: (k) => (
				<Button
					variant="ghost"
					size="sm"
					class="text-danger"
					onClick={() => setRevoking(k)}
					aria-label={`Revoke ${k.name}`}
				>
					Revoke
				</Button>
			),
		},
	];

	return (
		<>
			<PageHeader
				title="API keys"
				description="Keys let your scripts and integrations call the Pulse API as a role in this workspace."
				meta={
					<a href="/api/docs" target="_blank" rel="noopener" data-testid="api-docs-link">
						API reference with an example request for every route
					</a>
				}
				actions={
					<Show when={canManage()}>
						<Button variant="primary" onClick={() => setCreating(true)}>
							Create key
						</Button>
					</Show>
				}
			/>
			<Show
				when={canManage()}
				fallback={
					<section class="card">
						<EmptyState icon="key" title="Only admins and owners manage API keys">
							Ask an admin of {me().workspace.name} for a key with the role you need.
						</EmptyState>
					</section>
				}
			>
				<section class="card card-flush">
					<PagedTable
						label="API keys"
						columns={columns}
						list={keys}
						rowKey={(k) => k.id}
						empty={
							<EmptyState
								icon="key"
								title="No API keys yet"
								action={
									<Button variant="primary" onClick={() => setCreating(true)}>
										Create your first key
									</Button>
								}
							>
								Create a key to sync contacts and events from your app, or to script Pulse.
							</EmptyState>
						}
					/>
				</section>
			</Show>
			<CreateKeyDialog
				open={creating()}
				myRole={me().role}
				onClose={() => setCreating(false)}
				onCreated={(created) => {
					setCreating(false);
					setSecret({ name: created.name, key: created.key });
					void keys.reload();
				}}
			/>
			<KeySecretDialog secret={secret()} onClose={() => setSecret(undefined)} />
			<ConfirmDialog
				open={revoking() !== undefined}
				title="Revoke API key?"
				confirmLabel="Revoke key"
				onClose={() => setRevoking(undefined)}
				onConfirm={async () => {
					const key = revoking();
					if (!key) return;
					await revokeApiKey(key.id);
					toast.success(`Revoked “${key.name}”`);
					await keys.reload();
				}}
			>
				<p>
					Anything using <strong>{revoking()?.name}</strong> (<code class="mono">{revoking()?.prefix}…</code>) stops
					working immediately. This cannot be undone.
				</p>
			</ConfirmDialog>
		</>
	);
}
