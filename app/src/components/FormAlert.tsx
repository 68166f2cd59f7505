import { Show } from "solid-js";

/** A form-level message (errors the API did not attach to one field). */
export function FormAlert(props: { message?: string; tone?: "danger" | "warning" | "info" }) {
	return (
		<Show when={props.message}>
			<div class={`alert alert-${props.tone ?? "danger"}`} role="alert">
				{props.message}
			</div>
		</Show>
	);
}
