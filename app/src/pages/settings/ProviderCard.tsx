import { createSignal, Match, Show, Switch } from "solid-js";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { connectProvider, disconnectProvider } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatDate } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { providerStatus, refreshProviderStatus } from "../shell/provider-status";

/**
 * Whether this workspace's email leaves the machine, and (owners) connecting its own Resend account with an API
 * key: stored encrypted, never shown again, only its last four characters.
 */
export function ProviderCard(props: { onChange: () => void }) {
	const me = useMe();
	const isOwner = () => atLeast(me().role, "owner");
	const status = () => providerStatus(me().workspace.id);
	const [key, setKey] = createSignal("");
	const [disconnecting, setDisconnecting] = createSignal(false);

	const connect = createSubmission(async () => {
		const connected = await connectProvider(key());
		setKey("");
		await refreshProviderStatus(connected);
		toast.success("Resend is connected: your emails now go to real inboxes");
		props.onChange();
	}, ["resend_api_key"]);

	return (
		<section class="card form-card stack" aria-labelledby="provider-title" data-testid="provider-card">
			<div class="page-title-row">
				<h2 id="provider-title">Email provider</h2>
				<Show when={status()}>
					{(s) => (
						<Badge tone={s().connected ? "success" : "warning"}>{s().connected ? "Connected" : "Test mode"}</Badge>
					)}
				</Show>
			</div>
			<Switch>
				<Match when={status()?.source === "workspace"}>
					<p>
						Sending with your Resend account, using the API key ending in <code>…{status()?.key_last4}</code>
						<Show when={status()?.connected_at}>{(at) => <> (connected {formatDate(at())})</>}</Show>. The key is stored
						encrypted and is never shown again.
					</p>
				</Match>
				<Match when={status()?.source === "environment"}>
					<p>Sending with the Resend account set up by whoever runs this Pulse server.</p>
				</Match>
				<Match when={status()?.source === "none"}>
					<p>
						<strong>Test mode.</strong> Campaigns, test sends and invitations are kept in the Outbox so you can look at
						them; nobody receives them. To send real email, connect your Resend account:
					</p>
					<ol class="setup-steps">
						<li>
							Sign in at <a href="https://resend.com/api-keys">resend.com/api-keys</a> (or create a free account).
						</li>
						<li>
							Create an API key with <strong>Full access</strong> (Pulse also manages your sending domains with it) and
							copy it.
						</li>
						<li>Paste it below. Then add your domain under Sending domains and publish the DNS records it shows.</li>
					</ol>
				</Match>
			</Switch>
			<Show
				when={isOwner()}
				fallback={<p class="muted">Only an owner of this workspace can connect or change the email provider.</p>}
			>
				<form class="stack" onSubmit={connect.submit} noValidate>
					<fieldset class="stack" disabled={connect.pending()}>
						<legend class="sr-only">Connect Resend</legend>
						<FormAlert message={connect.field("resend_api_key") ? undefined : connect.formError()} />
						<TextField
							label={status()?.source === "workspace" ? "Replace the Resend API key" : "Resend API key"}
							name="resend_api_key"
							type="password"
							autocomplete="off"
							placeholder="re_…"
							value={key()}
							onInput={(e) => setKey(e.currentTarget.value)}
							error={connect.field("resend_api_key")}
							hint="Pulse checks the key with Resend before saving it."
						/>
					</fieldset>
					<div class="form-actions">
						<Show when={status()?.source === "workspace"}>
							<Button variant="ghost" class="text-danger" onClick={() => setDisconnecting(true)}>
								Disconnect
							</Button>
						</Show>
						<Button type="submit" variant="primary" loading={connect.pending()} disabled={!key().trim()}>
							Connect Resend
						</Button>
					</div>
				</form>
			</Show>
			<ConfirmDialog
				open={disconnecting()}
				title="Disconnect Resend?"
				confirmLabel="Disconnect"
				onClose={() => setDisconnecting(false)}
				onConfirm={async () => {
					await refreshProviderStatus(await disconnectProvider());
					toast.success("Resend was disconnected and its key deleted");
					props.onChange();
				}}
			>
				<p>
					The stored key is deleted. Unless the server has its own provider, emails go to the Outbox again (test mode).
				</p>
			</ConfirmDialog>
		</section>
	);
}
