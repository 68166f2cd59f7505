import { createUniqueId, For, type JSX, splitProps } from "solid-js";
import { describedBy, FieldShell } from "./Field";

export type Option = { value: string; label: string };

type Props = JSX.SelectHTMLAttributes<HTMLSelectElement> & {
	label: string;
	options: Option[];
	hint?: string;
	error?: string;
	/** Hide the label visually (still read by screen readers), e.g. inside a table cell. */
	compact?: boolean;
};

export function SelectField(props: Props) {
	const [local, rest] = splitProps(props, ["label", "options", "hint", "error", "id", "compact", "value"]);
	const id = local.id ?? `f-${createUniqueId()}`;
	return (
		<div classList={{ "field-compact": local.compact }}>
			<FieldShell id={id} label={local.label} hint={local.hint} error={local.error}>
				<select
					class="input select"
					id={id}
					aria-invalid={local.error ? "true" : undefined}
					aria-describedby={describedBy({ id, error: local.error, hint: local.hint })}
					{...rest}
				>
					<For each={local.options}>
						{(option) => (
							<option value={option.value} selected={option.value === local.value}>
								{option.label}
							</option>
						)}
					</For>
				</select>
			</FieldShell>
		</div>
	);
}
