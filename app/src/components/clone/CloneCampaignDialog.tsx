import { useNavigate } from "@solidjs/router";
import { createSignal, For } from "solid-js";
import { type ClonePart, cloneCampaign } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { Dialog } from "../Dialog";
import { FormAlert } from "../FormAlert";
import { TextField } from "../TextField";
import { toast } from "../Toasts";
import { CLONE_PARTS, cloneBody, copyName } from "./clone-logic";
import { FormActions } from "./FormActions";

/** Clone a campaign into a new draft, choosing what comes along (audience, content, schedule). */
export function CloneCampaignDialog(props: { open: boolean; id: string; name: string; onClose: () => void }) {
	const navigate = useNavigate();
	const [name, setName] = createSignal(copyName(props.name));
	const [ticked, setTicked] = createSignal<Partial<Record<ClonePart, boolean>>>({
		audience: true,
		content: true,
		schedule: false,
	});
	const save = createSubmission(async () => {
		const copy = await cloneCampaign(props.id, cloneBody(props.name, name(), ticked()));
		toast.success(`Created the draft “${copy.name}”`);
		props.onClose();
		navigate(`/campaigns/${copy.id}`);
	}, ["name", "include"]);

	return (
		<Dialog
			open={props.open}
			title="Clone campaign"
			description="A new draft; the sender, tracking settings and tags always come along."
			onClose={props.onClose}
			busy={save.pending()}
		>
			<form class="stack" onSubmit={save.submit}>
				<TextField
					label="Name of the copy"
					name="clone-name"
					value={name()}
					onInput={(e) => setName(e.currentTarget.value)}
				/>
				<fieldset class="stack" style={{ border: 0, padding: 0, margin: 0 }}>
					<legend class="small muted">Bring along</legend>
					<For each={CLONE_PARTS}>
						{(p) => (
							<label class="toggle">
								<input
									type="checkbox"
									name={`include-${p.part}`}
									checked={Boolean(ticked()[p.part])}
									onChange={(e) => {
										const on = e.currentTarget.checked;
										setTicked((t) => ({ ...t, [p.part]: on }));
									}}
								/>
								<span>
									<strong>{p.label}</strong>
									<span class="muted small"> {p.hint}</span>
								</span>
							</label>
						)}
					</For>
				</fieldset>
				<FormAlert message={save.formError()} />
				<FormActions pending={save.pending()} submitLabel="Create draft" onCancel={props.onClose} />
			</form>
		</Dialog>
	);
}
