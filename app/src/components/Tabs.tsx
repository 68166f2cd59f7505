import { createUniqueId, For, type JSX } from "solid-js";

export type TabItem<K extends string> = { key: K; label: string; title?: string };

/**
 * A row of tabs (arrow keys move between them, as ARIA tabs do). Render the panel yourself with
 * `tabPanelProps(...)` so it is labelled by its tab.
 */
export function Tabs<K extends string>(props: {
	label: string;
	tabs: TabItem<K>[];
	value: K;
	onChange: (key: K) => void;
	idPrefix: string;
}) {
	const move = (event: KeyboardEvent) => {
		const keys = props.tabs.map((t) => t.key);
		const at = keys.indexOf(props.value);
		const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
		if (!step || at < 0) return;
		event.preventDefault();
		const next = keys[(at + step + keys.length) % keys.length];
		if (next === undefined) return;
		props.onChange(next);
		document.getElementById(`${props.idPrefix}-tab-${next}`)?.focus();
	};
	return (
		<div class="tabs" role="tablist" aria-label={props.label} onKeyDown={move}>
			<For each={props.tabs}>
				{(tab) => (
					<button
						type="button"
						role="tab"
						class="tab"
						id={`${props.idPrefix}-tab-${tab.key}`}
						aria-selected={tab.key === props.value ? "true" : "false"}
						aria-controls={`${props.idPrefix}-panel`}
						tabIndex={tab.key === props.value ? 0 : -1}
						onClick={() => props.onChange(tab.key)}
					>
						{tab.label}
					</button>
				)}
			</For>
		</div>
	);
}

/** The attributes of the panel that belongs to `<Tabs idPrefix=…>`. */
export const tabPanelProps = (idPrefix: string, value: string): JSX.HTMLAttributes<HTMLDivElement> => ({
	id: `${idPrefix}-panel`,
	role: "tabpanel",
	"aria-labelledby": `${idPrefix}-tab-${value}`,
});

/** A unique prefix for one `<Tabs>` and its panel. */
export const tabsId = () => `tabs-${createUniqueId()}`;

/** A small group of mutually exclusive toggle buttons (e.g. Desktop / Mobile). */
export function Segmented<K extends string>(props: {
	label: string;
	options: TabItem<K>[];
	value: K;
	onChange: (key: K) => void;
}) {
	return (
		// biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and form semantics; this is a toolbar toggle
		<div class="segmented" role="group" aria-label={props.label}>
			<For each={props.options}>
				{(option) => (
					<button
						type="button"
						class="segmented-option"
						title={option.title}
						aria-pressed={option.key === props.value ? "true" : "false"}
						onClick={() => props.onChange(option.key)}
					>
						{option.label}
					</button>
				)}
			</For>
		</div>
	);
}
