import { createEffect, createSignal, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { updateWorkspace } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { atLeast } from "../../lib/roles";
import { useMe, useSession } from "../../lib/session";
import type { Workspace } from "../../lib/types";
import { SendingRules } from "./SendingRules";

type Values = {
	name: string;
	postal_address: string;
	default_from_name: string;
	default_from_email: string;
	rate: string;
};
const FIELDS = ["name", "postal_address", "default_from_name", "default_from_email", "send_rate_per_second"];

const valuesOf = (w: Workspace): Values => ({
	name: w.name,
	postal_address: w.postal_address,
	default_from_name: w.default_from_name,
	default_from_email: w.default_from_email,
	rate: String(w.send_rate_per_second),
});

export default function WorkspaceSettings() {
	const me = useMe();
	const { refetch } = useSession();
	const canEdit = () => atLeast(me().role, "admin");
	const [values, setValues] = createSignal<Values>(valuesOf(me().workspace));
	createEffect(
		on(
			() => me().workspace,
			(w) => setValues(valuesOf(w)),
			{ defer: true },
		),
	);
	const bind = (key: keyof Values) => ({
		value: values()[key],
		onInput: (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [key]: e.currentTarget.value })),
	});

	const form = createSubmission(async () => {
		const { rate, ...rest } = values();
		await updateWorkspace({ ...rest, send_rate_per_second: Number(rate) });
		toast.success("Workspace settings saved");
		refetch();
	}, FIELDS);

	return (
		<>
			<PageHeader title="Workspace" description="How your workspace appears to your team and your recipients." />
			<form class="card form-card" onSubmit={form.submit} noValidate>
				<Show when={!canEdit()}>
					<FormAlert tone="info" message={`Only admins and owners can change these settings. You are ${me().role}.`} />
				</Show>
				<fieldset class="stack" disabled={!canEdit() || form.pending()}>
					<legend class="sr-only">Workspace settings</legend>
					<FormAlert message={form.formError()} />
					<TextField label="Workspace name" name="name" required {...bind("name")} error={form.field("name")} />
					<TextField
						label="Postal address"
						name="postal_address"
						multiline
						rows={3}
						hint="Shown in the footer of every marketing email (required by anti-spam laws)."
						{...bind("postal_address")}
						error={form.field("postal_address")}
					/>
					<div class="grid-2">
						<TextField
							label="Default from name"
							name="default_from_name"
							{...bind("default_from_name")}
							error={form.field("default_from_name")}
						/>
						<TextField
							label="Default from email"
							name="default_from_email"
							type="email"
							placeholder="news@yourdomain.com"
							hint="With an email provider configured, use a domain verified under Sending domains."
							{...bind("default_from_email")}
							error={form.field("default_from_email")}
						/>
					</div>
					<TextField
						label="Send rate (emails per second)"
						name="send_rate_per_second"
						type="number"
						min={1}
						max={10000}
						step={1}
						inputmode="numeric"
						hint="Pulse paces campaigns to stay under your provider's limit."
						{...bind("rate")}
						error={form.field("send_rate_per_second")}
					/>
				</fieldset>
				<Show when={canEdit()}>
					<div class="form-actions">
						<Button type="submit" variant="primary" loading={form.pending()}>
							Save changes
						</Button>
					</div>
				</Show>
			</form>
			<SendingRules />
		</>
	);
}
