import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { messageOf } from "../../lib/api";
import { Button } from "../Button";
import { Dialog } from "../Dialog";
import { FormAlert } from "../FormAlert";
import { TextField } from "../TextField";
import { toast } from "../Toasts";

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
	const [busy, setBusy] = createSignal(false);
	const [error, setError] = createSignal<string>();

	const submit = async (event: SubmitEvent) => {
		event.preventDefault();
		if (!name().trim()) return setError("Give it a name");
		setBusy(true);
		setError(undefined);
		try {
			const copy = await props.create(name().trim(), category().trim() || null);
			toast.success(`Created “${copy.name}”`);
			props.onClose();
			navigate(props.href(copy.id));
		} catch (e) {
			setError(messageOf(e));
		} finally {
			setBusy(false);
		}
	};

	return (
		<Dialog open={props.open} title={props.title} description={props.description} onClose={props.onClose} busy={busy()}>
			<form class="stack" onSubmit={submit}>
				<TextField label="Name" name="copy-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
				<Show when={props.withCategory}>
					<TextField
						label="Category (optional)"
						name="copy-category"
						placeholder="Newsletters"
						value={category()}
						onInput={(e) => setCategory(e.currentTarget.value)}
					/>
				</Show>
				<FormAlert message={error()} />
				<div class="dialog-actions">
					<Button onClick={props.onClose} disabled={busy()}>
						Cancel
					</Button>
					<Button type="submit" variant="primary" loading={busy()}>
						{props.submitLabel}
					</Button>
				</div>
			</form>
		</Dialog>
	);
}
