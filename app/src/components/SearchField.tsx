import { TextField } from "./TextField";

/** The words box of a list's filter bar (field `q`), growing to the space the other filters leave. */
export function SearchField(props: {
	label?: string;
	placeholder: string;
	value: string;
	onInput: (value: string) => void;
}) {
	return (
		<div class="filter-search">
			<TextField
				label={props.label ?? "Search"}
				name="q"
				type="search"
				placeholder={props.placeholder}
				value={props.value}
				onInput={(e) => props.onInput(e.currentTarget.value)}
			/>
		</div>
	);
}
