import { type JSX, Show } from "solid-js";

export type FieldShellProps = {
	id: string;
	label: string;
	hint?: string;
	error?: string;
	children: JSX.Element;
};

/** Label, control, hint and the API's error for that field, wired together for screen readers. */
export function FieldShell(props: FieldShellProps) {
	return (
		<div class="field" classList={{ "field-invalid": Boolean(props.error) }}>
			<label for={props.id}>{props.label}</label>
			{props.children}
			<Show when={props.error}>
				<p class="field-error" id={`${props.id}-error`} data-field-error>
					{props.error}
				</p>
			</Show>
			<Show when={props.hint && !props.error}>
				<p class="field-hint" id={`${props.id}-hint`}>
					{props.hint}
				</p>
			</Show>
		</div>
	);
}

/** The `aria-describedby` value pointing at whichever of error/hint is shown. */
export function describedBy(props: { id: string; error?: string; hint?: string }): string | undefined {
	if (props.error) return `${props.id}-error`;
	return props.hint ? `${props.id}-hint` : undefined;
}
