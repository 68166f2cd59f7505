import { createUniqueId, For, type JSX, Show } from "solid-js";

/** Small labelled controls for the inspector and theme panel (compact, one per row). */
export function ColorInput(props: {
	label: string;
	value: string | null | undefined;
	onChange: (value: string | null) => void;
	clearable?: boolean;
	placeholder?: string;
}) {
	const id = `c-${createUniqueId()}`;
	return (
		<div class="be-control">
			<label for={id}>{props.label}</label>
			<span class="be-color">
				<input
					id={id}
					type="color"
					value={props.value ?? props.placeholder ?? "#ffffff"}
					onInput={(e) => props.onChange(e.currentTarget.value)}
				/>
				<code class="small">{props.value ?? "none"}</code>
				<Show when={props.clearable && props.value}>
					<button type="button" class="link-button small" onClick={() => props.onChange(null)}>
						Clear
					</button>
				</Show>
			</span>
		</div>
	);
}

export function NumberInput(props: {
	label: string;
	value: number | null | undefined;
	onChange: (value: number | undefined) => void;
	min: number;
	max: number;
	placeholder?: string;
}) {
	const id = `n-${createUniqueId()}`;
	return (
		<div class="be-control">
			<label for={id}>{props.label}</label>
			<input
				id={id}
				class="input be-number"
				type="number"
				min={props.min}
				max={props.max}
				placeholder={props.placeholder}
				value={props.value ?? ""}
				onChange={(e) => {
					const n = Number.parseInt(e.currentTarget.value, 10);
					props.onChange(Number.isNaN(n) ? undefined : Math.min(props.max, Math.max(props.min, n)));
				}}
			/>
		</div>
	);
}

export function SelectInput<T extends string>(props: {
	label: string;
	value: T | undefined;
	options: readonly { value: T; label: string }[];
	onChange: (value: T | undefined) => void;
	emptyLabel?: string;
}) {
	const id = `s-${createUniqueId()}`;
	return (
		<div class="be-control">
			<label for={id}>{props.label}</label>
			<select
				id={id}
				class="input select"
				onChange={(e) => props.onChange((e.currentTarget.value || undefined) as T | undefined)}
			>
				<Show when={props.emptyLabel}>
					<option value="" selected={!props.value}>
						{props.emptyLabel}
					</option>
				</Show>
				<For each={props.options}>
					{(o) => (
						<option value={o.value} selected={o.value === props.value}>
							{o.label}
						</option>
					)}
				</For>
			</select>
		</div>
	);
}

export function TextInput(props: {
	label: string;
	value: string;
	onInput: (value: string) => void;
	type?: string;
	hint?: string;
	error?: string;
	placeholder?: string;
}) {
	const id = `t-${createUniqueId()}`;
	return (
		<div class="be-control be-control-wide" classList={{ "field-invalid": Boolean(props.error) }}>
			<label for={id}>{props.label}</label>
			<input
				id={id}
				class="input"
				type={props.type ?? "text"}
				value={props.value}
				placeholder={props.placeholder}
				aria-invalid={props.error ? "true" : undefined}
				onInput={(e) => props.onInput(e.currentTarget.value)}
			/>
			<Show when={props.error ?? props.hint}>
				{(text) => <p class={props.error ? "field-error" : "field-hint"}>{text()}</p>}
			</Show>
		</div>
	);
}

export const Group = (props: { title: string; children: JSX.Element }) => (
	<fieldset class="be-group">
		<legend>{props.title}</legend>
		{props.children}
	</fieldset>
);
