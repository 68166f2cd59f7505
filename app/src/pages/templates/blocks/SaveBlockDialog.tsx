import { createSignal } from "solid-js";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { FormAlert } from "../../../components/FormAlert";
import { TextField } from "../../../components/TextField";
import { toast } from "../../../components/Toasts";
import { saveBlock } from "../../../lib/api";
import { createSubmission } from "../../../lib/form";
import { BLOCK_LABELS, type Block } from "./doc";

/** Names a block and saves it for every template of the workspace. */
export function SaveBlockDialog(props: { block: Block | undefined; onClose: () => void; onSaved: () => void }) {
	const [name, setName] = createSignal("");
	const save = createSubmission(async () => {
		if (!props.block) return;
		const block = JSON.parse(JSON.stringify(props.block)) as Block;
		const saved = await saveBlock({ name: name() || BLOCK_LABELS[block.type], block: block as never });
		toast.success(`Saved “${saved.name}” for reuse`);
		setName("");
		props.onSaved();
		props.onClose();
	}, ["name"]);
	return (
		<Dialog
			open={Boolean(props.block)}
			title="Save as a reusable block"
			description="It appears under Saved blocks in every template of this workspace."
			onClose={props.onClose}
			busy={save.pending()}
			footer={
				<>
					<Button variant="ghost" onClick={props.onClose}>
						Cancel
					</Button>
					<Button variant="primary" type="submit" form="save-block-form" loading={save.pending()}>
						Save block
					</Button>
				</>
			}
		>
			<form id="save-block-form" class="stack" onSubmit={save.submit}>
				<FormAlert message={save.formError()} />
				<TextField
					label="Block name"
					name="name"
					autofocus
					value={name()}
					error={save.field("name")}
					onInput={(e) => setName(e.currentTarget.value)}
				/>
			</form>
		</Dialog>
	);
}
