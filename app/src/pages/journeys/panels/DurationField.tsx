import { createSignal } from "solid-js";
import { TextField } from "../../../components/TextField";
import { formatDuration, parseDuration } from "../model/duration";

/** A duration typed in words ("4 hours", "2 days", "30 seconds"); the API gets ISO-8601 (PT4H). */
export function DurationField(props: {
	label: string;
	name: string;
	value: string | undefined;
	onChange: (iso: string) => void;
	error?: string;
	hint?: string;
}) {
	const [local, setLocal] = createSignal<string>();
	return (
		<TextField
			label={props.label}
			name={props.name}
			value={props.value ? formatDuration(props.value) : ""}
			placeholder="e.g. 4 hours, 3 days, 30 seconds"
			error={local() ?? props.error}
			hint={props.hint ?? (props.value ? `Sent to the API as ${props.value}` : undefined)}
			onChange={(e) => {
				const iso = parseDuration(e.currentTarget.value);
				setLocal(iso ? undefined : "Write it as a number and a unit, e.g. 4 hours, 3 days, 1 week, 30 seconds");
				if (iso) props.onChange(iso);
			}}
		/>
	);
}
