import { createSignal, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { CopyField } from "../../components/CopyField";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { inviteMember } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { grantable, roleOptions } from "../../lib/roles";
import type { Role } from "../../lib/types";

type EmailOutcome = { status: "sent" | "captured" | "failed"; error?: string } | undefined;

/** What became of the invitation email: sent, kept in the Outbox (test mode), or not sent (with why). */
function EmailedNotice(props: { email: string; outcome: EmailOutcome }) {
	return (
		<Switch>
			<Match when={props.outcome?.status === "sent"}>
				<FormAlert tone="info" message={`We emailed the invitation to ${props.email}.`} />
			</Match>
			<Match when={props.outcome?.status === "captured"}>
				<FormAlert
					tone="warning"
					message="Test mode: the invitation email is in the Outbox, not in their inbox. Connect an email provider under Settings → Sending to deliver it."
				/>
			</Match>
			<Match when={props.outcome?.status === "failed"}>
				<FormAlert message={`The invitation email could not be sent: ${props.outcome?.error ?? "unknown error"}`} />
			</Match>
		</Switch>
	);
}

/** Invite by email and role: the invitation is emailed, and its link shown to share as well. */
export function InviteDialog(props: { open: boolean; myRole: Role; onClose: () => void; onInvited: () => void }) {
	const [email, setEmail] = createSignal("");
	const [role, setRole] = createSignal<Role>("editor");
	const [link, setLink] = createSignal<{ email: string; url: string; emailed: EmailOutcome }>();
	const form = createSubmission(async () => {
		const invited = await inviteMember({ email: email(), role: role() });
		setLink({ email: invited.email, url: invited.invite_url ?? "", emailed: invited.invite_email });
		setEmail("");
		props.onInvited();
	}, ["email", "role"]);
	const close = () => {
		form.reset();
		setLink(undefined);
		props.onClose();
	};

	return (
		<Dialog
			open={props.open}
			title={link() ? "Invitation created" : "Invite a member"}
			description={link() ? undefined : "They join with the role you choose once they accept."}
			onClose={close}
			busy={form.pending()}
		>
			<Show
				when={link()}
				fallback={
					<form class="stack" onSubmit={form.submit} noValidate>
						<FormAlert message={form.formError()} />
						<TextField
							label="Email"
							name="email"
							type="email"
							autofocus
							required
							placeholder="teammate@company.com"
							value={email()}
							onInput={(e) => setEmail(e.currentTarget.value)}
							error={form.field("email")}
						/>
						<SelectField
							label="Role"
							name="role"
							options={roleOptions(grantable(props.myRole))}
							value={role()}
							onChange={(e) => setRole(e.currentTarget.value as Role)}
							error={form.field("role")}
						/>
						<div class="dialog-actions">
							<Button onClick={close} disabled={form.pending()}>
								Cancel
							</Button>
							<Button type="submit" variant="primary" loading={form.pending()}>
								Create invitation
							</Button>
						</div>
					</form>
				}
			>
				{(invited) => (
					<div class="stack">
						<EmailedNotice email={invited().email} outcome={invited().emailed} />
						<p>
							You can also send them this link yourself. It works for 7 days and only for{" "}
							<strong>{invited().email}</strong>.
						</p>
						<CopyField label="Invitation link" value={invited().url} testId="invite-url" />
						<div class="dialog-actions">
							<Button variant="primary" onClick={close}>
								Done
							</Button>
						</div>
					</div>
				)}
			</Show>
		</Dialog>
	);
}
