import { Show } from "solid-js";

/** A small rotating ring; decorative unless it carries a label. */
export function Spinner(props: { size?: "sm" | "md"; label?: string }) {
	return (
		<span class={`spinner spinner-${props.size ?? "md"}`} role={props.label ? "status" : undefined}>
			<Show when={props.label}>
				<span class="sr-only">{props.label}</span>
			</Show>
		</span>
	);
}

/** The loading state of a page section or list. */
export function LoadingState(props: { label?: string }) {
	return (
		<div class="loading-state" role="status" aria-live="polite">
			<Spinner />
			<span>{props.label ?? "Loading…"}</span>
		</div>
	);
}
