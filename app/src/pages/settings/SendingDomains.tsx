import { createSignal, For, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { CopyField } from "../../components/CopyField";
import { Dialog } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import {
	addSendingDomain,
	listSendingDomains,
	messageOf,
	removeSendingDomain,
	verifySendingDomain,
} from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatDate } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { ProviderCard } from "./ProviderCard";
import { AddForm, createWorkspaceList, ListCard } from "./settings-list";

type SendingDomain = Awaited<ReturnType<typeof listSendingDomains>>["data"][number];

const TONE: Record<SendingDomain["status"], BadgeTone> = { verified: "success", pending: "warning", failed: "danger" };

/** The domains a workspace sends from: add one, publish its DNS records, verify it, remove it. */
export default function SendingDomains() {
	const me = useMe();
	const canManage = () => atLeast(me().role, "admin");
	const [enforced, setEnforced] = createSignal(false);
	const domains = createWorkspaceList(async () => {
		const list = await listSendingDomains();
		setEnforced(list.enforced);
		return list;
	});
	const reload = domains.reload;
	const [domain, setDomain] = createSignal("");
	const [showing, setShowing] = createSignal<SendingDomain>();
	const [removing, setRemoving] = createSignal<SendingDomain>();
	const [verifying, setVerifying] = createSignal<string>();

	const add = createSubmission(async () => {
		const added = await addSendingDomain(domain());
		setDomain("");
		toast.success(`${added.domain} added: publish its DNS records, then verify it`);
		await reload();
		if (added.records.length > 0) setShowing(added);
	}, ["domain"]);

	const verify = async (d: SendingDomain) => {
		setVerifying(d.id);
		try {
			const checked = await verifySendingDomain(d.id);
			if (checked.status === "verified") toast.success(`${checked.domain} is verified: you can send from it`);
			else toast.error(`${checked.domain} is ${checked.status}: check its DNS records and try again in a few minutes`);
			await reload();
		} catch (e) {
			toast.error(messageOf(e));
		} finally {
			setVerifying(undefined);
		}
	};

	const columns: Column<SendingDomain>[] = [
		{ header: "Domain", cell: (d) => <strong>{d.domain}</strong> },
		{ header: "Status", cell: (d) => <Badge tone={TONE[d.status]}>{d.status}</Badge> },
		{
			header: "Source",
			cell: (d) => (d.source === "operator" ? "Listed by the operator" : "Verified by DNS"),
		},
		{ header: "Verified", cell: (d) => (d.verified_at ? formatDate(d.verified_at) : "—") },
		{
			header: "",
			class: "cell-actions",
			cell: (d) => (
				<Show when={d.source === "provider"}>
					<Show when={d.records.length > 0}>
						<Button variant="ghost" size="sm" onClick={() => setShowing(d)} aria-label={`DNS records of ${d.domain}`}>
							DNS records
						</Button>
					</Show>
					<Show when={canManage()}>
						<Show when={d.status !== "verified"}>
							<Button
								variant="ghost"
								size="sm"
								loading={verifying() === d.id}
								onClick={() => void verify(d)}
								aria-label={`Verify ${d.domain}`}
							>
								Verify
							</Button>
						</Show>
						<Button
							variant="ghost"
							size="sm"
							class="text-danger"
							onClick={() => setRemoving(d)}
							aria-label={`Remove ${d.domain}`}
						>
							Remove
						</Button>
					</Show>
				</Show>
			),
		},
	];

	return (
		<>
			<PageHeader
				title="Sending"
				description="How this workspace's emails reach inboxes: the email provider, and the domains you send from."
			/>
			<ProviderCard onChange={() => void reload()} />
			<h2 class="section-title">Sending domains</h2>
			<Show
				when={enforced()}
				fallback={
					<FormAlert
						tone="info"
						message="While no email provider is connected, emails go to the Outbox and any sender domain works. Once one is connected, a From address must use one of these domains, verified."
					/>
				}
			>
				<FormAlert
					tone="info"
					message="Add your domain, publish the DNS records it shows at your DNS host, then verify. Subdomains (such as news.example.com) are added on their own."
				/>
			</Show>
			<Show when={canManage()}>
				<AddForm legend="Add a sending domain" submitLabel="Add domain" submission={add}>
					<TextField
						label="Domain"
						name="domain"
						placeholder="news.yourcompany.com"
						value={domain()}
						onInput={(e) => setDomain(e.currentTarget.value)}
						error={add.field("domain")}
					/>
				</AddForm>
			</Show>
			<ListCard
				label="Sending domains"
				list={domains}
				columns={columns}
				rowKey={(d) => d.id}
				empty={
					<EmptyState icon="outbox" title="No sending domains yet">
						{canManage()
							? "Add the domain you send from to prove it is yours."
							: "Ask an admin to add the domain you send from."}
					</EmptyState>
				}
			/>
			<Dialog
				open={showing() !== undefined}
				title={`DNS records for ${showing()?.domain ?? ""}`}
				description="Publish these records at your DNS host, then verify the domain. DNS changes can take a few minutes to be seen."
				onClose={() => setShowing(undefined)}
			>
				<div class="stack">
					<For each={showing()?.records ?? []}>
						{(r) => (
							<div class="stack">
								<strong>
									{r.record} ({r.type}
									{r.priority === undefined ? "" : `, priority ${r.priority}`})
								</strong>
								<CopyField label="Name" value={r.name} />
								<CopyField label="Value" value={r.value} />
							</div>
						)}
					</For>
					<div class="dialog-actions">
						<Button onClick={() => setShowing(undefined)}>Close</Button>
					</div>
				</div>
			</Dialog>
			<ConfirmDialog
				open={removing() !== undefined}
				title="Remove sending domain?"
				confirmLabel="Remove domain"
				onClose={() => setRemoving(undefined)}
				onConfirm={async () => {
					const d = removing();
					if (!d) return;
					await removeSendingDomain(d.id);
					toast.success(`${d.domain} was removed`);
					await reload();
				}}
			>
				<p>
					Campaigns and tests can no longer be sent from <strong>{removing()?.domain}</strong> until it is added and
					verified again.
				</p>
			</ConfirmDialog>
		</>
	);
}
