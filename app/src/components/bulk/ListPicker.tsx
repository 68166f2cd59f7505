import { createResource, Show } from "solid-js";
import { listLists } from "../../lib/api";
import { SelectField } from "../SelectField";
import { TextField } from "../TextField";
import type { ListChoice } from "./bulk-logic";

/** Picks one of the workspace's static lists, or "New list…" with a name to type (the API creates it). */
export function ListPicker(props: { choice: ListChoice; onChange: (choice: ListChoice) => void }) {
	const [lists] = createResource(() => listLists().catch(() => []));
	const options = () => [
		...(lists() ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.count})` })),
		{ value: "", label: "New list…" },
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
			<Show when={!props.choice.listId}>
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
