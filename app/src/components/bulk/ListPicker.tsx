import { createResource, Show } from "solid-js";
import { listLists } from "../../lib/api";
import { SelectField } from "../SelectField";
import { TextField } from "../TextField";
import type { ListChoice } from "./bulk-logic";

/** Picks one of the workspace's static lists, or with `allowNew` "New list…" and a name to type (the API creates it). */
export function ListPicker(props: { choice: ListChoice; onChange: (choice: ListChoice) => void; allowNew: boolean }) {
	const [lists] = createResource(() => listLists().catch(() => []));
	const options = () => [
		...(props.allowNew ? [] : [{ value: "", label: "Choose a list" }]),
		...(lists() ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.count})` })),
		...(props.allowNew ? [{ value: "", label: "New list…" }] : []),
	];
	return (
		<>
			<SelectField
				label="List"
				name="bulk-list"
				options={options()}
				value={props.choice.listId}
				onChange={(e) => props.onChange({ ...props.choice, listId: e.currentTarget.value })}
			/>
			<Show when={props.allowNew && !props.choice.listId}>
				<TextField
					name="bulk-list-name"
					label="New list name"
					value={props.choice.name}
					autofocus
					onInput={(e) => props.onChange({ ...props.choice, name: e.currentTarget.value })}
				/>
			</Show>
		</>
	);
}
