import { createSignal, For, onCleanup, Show } from "solid-js";
import { type Edge, insertStep, type NodeType } from "../model/graph";
import { STEP_TYPES } from "../model/summary";
import { useBuilder } from "./context";

/** The "+" on an arrow: a menu of step types; the chosen one is inserted there and opened in the side panel. */
export function AddStep(props: { edge: Edge }) {
	const builder = useBuilder();
	const [open, setOpen] = createSignal(false);
	let root: HTMLDivElement | undefined;

	const outside = (event: MouseEvent) => {
		if (root && !root.contains(event.target as Node)) setOpen(false);
	};
	document.addEventListener("mousedown", outside);
	onCleanup(() => document.removeEventListener("mousedown", outside));

	const add = (type: NodeType) => {
		setOpen(false);
		const { definition, id } = insertStep(builder.definition(), props.edge, type);
		builder.change(definition);
		builder.select(id);
	};

	return (
		<div class="flow-add" ref={root}>
			<span class="flow-line" aria-hidden="true" />
			<Show when={!builder.readOnly()}>
				<button
					type="button"
					class="flow-plus"
					aria-label="Add a step here"
					aria-haspopup="menu"
					aria-expanded={open()}
					onClick={() => setOpen(!open())}
					onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
				>
					+
				</button>
				<Show when={open()}>
					<div class="flow-menu" role="menu" aria-label="Step types">
						<For each={STEP_TYPES}>
							{(step) => (
								<button type="button" role="menuitem" class="flow-menu-item" onClick={() => add(step.type)}>
									<strong>{step.label}</strong>
									<span class="muted small">{step.hint}</span>
								</button>
							)}
						</For>
					</div>
				</Show>
			</Show>
		</div>
	);
}
