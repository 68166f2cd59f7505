import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createSubmission } from "../../lib/form";
import { Dialog } from "../Dialog";
import { FormAlert } from "../FormAlert";
import { TextField } from "../TextField";
import { toast } from "../Toasts";
import { FormActions } from "./FormActions";

type Props = {
	open: boolean;
	title: string;
	description?: string;
	/** The name offered ("Copy of …"). */
	initialName: string;
	submitLabel: string;
	/** Asks for a template category too ("save as template"). */
	withCategory?: boolean;
	onClose: () => void;
	/** Makes the copy; the page then opens at `href(copy.id)`. */
	create: (name: string, category: string | null) => Promise<{ id: string; name: string }>;
	href: (id: string) => string;
};

/** Names a copy (of a template, segment or journey, or a campaign saved as a template), makes it and opens it. */
export function CopyDialog(props: Props) {
	const navigate = useNavigate();
	const [name, setName] = createSignal(props.initialName);
	const [category, setCategory] = createSignal("");
	const save = createSubmission(async () => {
		if (!name().trim()) throw new Error("Give it a name");
		const copy = await props.create(name().trim(), category().trim() || null);
		toast.success(`Created “${copy.name}”`);
		props.onClose();
		navigate(props.href(copy.id));
	}, ["name", "category"]);

	return (
		<Dialog
			open={props.open}
			title={props.title}
			description={props.description}
			onClose={props.onClose}
			busy={save.pending()}
		>
			<form class="stack" onSubmit={save.submit}>
				<TextField
					label="Name"
					name="copy-name"
					value={name()}
					error={save.field("name")}
					onInput={(e) => setName(e.currentTarget.value)}
				/>
				<Show when={props.withCategory}>
					<TextField
						label="Category (optional)"
						name="copy-category"
						placeholder="Newsletters"
						value={category()}
						error={save.field("category")}
						onInput={(e) => setCategory(e.currentTarget.value)}
					/>
				</Show>
				<FormAlert message={save.formError()} />
				<FormActions pending={save.pending()} submitLabel={props.submitLabel} onCancel={props.onClose} />
			</form>
		</Dialog>
	);
}
