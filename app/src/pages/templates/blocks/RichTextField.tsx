import { createUniqueId } from "solid-js";

const TAGS = [
	{ label: "First name", value: '{{ contact.first_name | default: "there" }}' },
	{ label: "Last name", value: "{{ contact.last_name }}" },
	{ label: "Email", value: "{{ contact.email }}" },
	{ label: "City (attribute)", value: "{{ contact.attributes.city }}" },
	{ label: "Workspace name", value: "{{ workspace.name }}" },
	{ label: "If… (condition)", value: "{% if contact.first_name %}Text when true{% else %}Text otherwise{% endif %}" },
] as const;

/**
 * Limited rich text: a textarea whose toolbar wraps the selection in **bold**, *italic* or a [link](https://…)
 * and inserts personalization tags and Liquid conditions at the cursor. Line breaks are kept; a blank line
 * starts a new paragraph.
 */
export function RichTextField(props: {
	label: string;
	value: string;
	onChange: (value: string) => void;
	error?: string;
	rows?: number;
}) {
	const id = `rt-${createUniqueId()}`;
	let area: HTMLTextAreaElement | undefined;

	const edit = (make: (selected: string) => { text: string; select?: [number, number] }) => {
		if (!area) return;
		const { selectionStart: start, selectionEnd: end, value } = area;
		const { text, select } = make(value.slice(start, end));
		const next = value.slice(0, start) + text + value.slice(end);
		props.onChange(next);
		queueMicrotask(() => {
			if (!area) return;
			area.value = next;
			area.focus();
			const [a, b] = select ?? [text.length, text.length];
			area.setSelectionRange(start + a, start + b);
		});
	};
	const wrap = (mark: string, fallback: string) =>
		edit((s) => {
			const inner = s || fallback;
			return { text: `${mark}${inner}${mark}`, select: [mark.length, mark.length + inner.length] };
		});
	const link = () =>
		edit((s) => {
			const label = s || "link text";
			const text = `[${label}](https://)`;
			return { text, select: [label.length + 3, text.length - 1] };
		});

	return (
		<div class="field be-richtext" classList={{ "field-invalid": Boolean(props.error) }}>
			<label for={id}>{props.label}</label>
			<div class="be-toolbar" role="toolbar" aria-label={`${props.label} formatting`}>
				<button type="button" class="btn btn-ghost btn-sm" title="Bold" onClick={() => wrap("**", "bold text")}>
					<strong>B</strong>
				</button>
				<button type="button" class="btn btn-ghost btn-sm" title="Italic" onClick={() => wrap("*", "italic text")}>
					<em>I</em>
				</button>
				<button type="button" class="btn btn-ghost btn-sm" onClick={link}>
					Link
				</button>
				<select
					class="input select be-insert"
					aria-label="Insert personalization"
					onChange={(e) => {
						const value = e.currentTarget.value;
						e.currentTarget.value = "";
						if (value) edit(() => ({ text: value }));
					}}
				>
					<option value="">Insert personalization…</option>
					{TAGS.map((t) => (
						<option value={t.value}>{t.label}</option>
					))}
				</select>
			</div>
			<textarea
				ref={area}
				id={id}
				class="input textarea"
				rows={props.rows ?? 5}
				value={props.value}
				aria-invalid={props.error ? "true" : undefined}
				aria-describedby={`${id}-hint`}
				onInput={(e) => props.onChange(e.currentTarget.value)}
			/>
			<p class={props.error ? "field-error" : "field-hint"} id={`${id}-hint`}>
				{props.error ??
					"**bold**, *italic*, [text](https://link); a blank line starts a paragraph. Liquid works as in HTML templates."}
			</p>
		</div>
	);
}
