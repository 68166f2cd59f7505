import { createUniqueId, type JSX, Show, splitProps } from "solid-js";
import { describedBy, FieldShell } from "./Field";

type Common = { label: string; hint?: string; error?: string; name: string };
type InputProps = Common & JSX.InputHTMLAttributes<HTMLInputElement> & { multiline?: false };
type AreaProps = Common & JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & { multiline: true };

/** A labelled text input (or textarea with `multiline`) showing its error next to it. */
export function TextField(props: InputProps | AreaProps) {
	const [local, rest] = splitProps(props, ["label", "hint", "error", "multiline", "id"]);
	const id = local.id ?? `f-${createUniqueId()}`;
	const aria = () => ({
		id,
		"aria-invalid": local.error ? ("true" as const) : undefined,
		"aria-describedby": describedBy({ id, error: local.error, hint: local.hint }),
	});
	return (
		<FieldShell id={id} label={local.label} hint={local.hint} error={local.error}>
			<Show
				when={local.multiline}
				fallback={<input class="input" {...(rest as JSX.InputHTMLAttributes<HTMLInputElement>)} {...aria()} />}
			>
				<textarea class="input textarea" {...(rest as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)} {...aria()} />
			</Show>
		</FieldShell>
	);
}
