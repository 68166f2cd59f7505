import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { type ContactListItem, updateList } from "../../lib/api";
import { createSubmission } from "../../lib/form";

type Props = { list: ContactListItem; canEdit: boolean; onSaved: (list: ContactListItem) => void };

/** A list's name (opening its contacts) and description; editors rename it and change its description in place. */
export function ListNameCell(props: Props) {
	const [editing, setEditing] = createSignal(false);
	return (
		<Show
			when={editing()}
			fallback={
				<div class="member-cell">
					<A href={`/contacts?list=${props.list.id}`} class="strong-link">
						{props.list.name}
					</A>
					<Show when={props.list.description}>
						<span class="muted small">{props.list.description}</span>
					</Show>
					<Show when={props.canEdit}>
						<span>
							<button
								type="button"
								class="link-button small"
								onClick={() => setEditing(true)}
								aria-label={`Rename ${props.list.name}`}
							>
								Rename
							</button>
						</span>
					</Show>
				</div>
			}
		>
			<RenameListForm
				list={props.list}
				onClose={() => setEditing(false)}
				onSaved={(saved) => {
					setEditing(false);
					props.onSaved(saved);
				}}
			/>
		</Show>
	);
}

/** The inline form: name and description, the API's errors by field (a taken name shows on Name), Escape cancels. */
function RenameListForm(props: {
	list: ContactListItem;
	onClose: () => void;
	onSaved: (list: ContactListItem) => void;
}) {
	const [name, setName] = createSignal(props.list.name);
	const [description, setDescription] = createSignal(props.list.description);
	const save = createSubmission(async () => {
		const saved = await updateList(props.list.id, { name: name(), description: description() });
		toast.success(saved.name === props.list.name ? `${saved.name} saved` : `Renamed to ${saved.name}`);
		props.onSaved(saved);
	}, ["name", "description"]);

	return (
		<form
			class="stack"
			aria-label={`Rename ${props.list.name}`}
			onSubmit={save.submit}
			onKeyDown={(e) => e.key === "Escape" && props.onClose()}
			noValidate
		>
			<FormAlert message={save.field("name") || save.field("description") ? undefined : save.formError()} />
			<TextField
				label="Name"
				name="name"
				value={name()}
				onInput={(e) => setName(e.currentTarget.value)}
				error={save.field("name")}
				autofocus
			/>
			<TextField
				label="Description"
				name="description"
				value={description()}
				onInput={(e) => setDescription(e.currentTarget.value)}
				error={save.field("description")}
			/>
			<div class="form-actions">
				<Button type="button" variant="ghost" size="sm" onClick={() => props.onClose()}>
					Cancel
				</Button>
				<Button type="submit" variant="primary" size="sm" loading={save.pending()}>
					Save
				</Button>
			</div>
		</form>
	);
}
