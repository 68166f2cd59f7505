import { createEffect, createUniqueId, type JSX, onCleanup, Show } from "solid-js";
import { Portal } from "solid-js/web";

type Props = {
	open: boolean;
	title: string;
	description?: string;
	onClose: () => void;
	children: JSX.Element;
	footer?: JSX.Element;
	/** Closing by Esc or the backdrop is refused while true (e.g. while a request runs). */
	busy?: boolean;
};

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

function focusables(root: HTMLElement): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute("disabled"));
}

/** A modal dialog: focus moves in and stays in, Esc or the backdrop closes it, focus returns on close. */
export function Dialog(props: Props) {
	const titleId = `dlg-${createUniqueId()}`;
	let panel: HTMLDivElement | undefined;

	createEffect(() => {
		if (!props.open) return;
		const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		queueMicrotask(() => {
			const first = panel?.querySelector<HTMLElement>("[autofocus]") ?? (panel ? focusables(panel)[0] : undefined);
			(first ?? panel)?.focus();
		});
		onCleanup(() => previous?.focus());
	});

	const close = () => {
		if (!props.busy) props.onClose();
	};

	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "Escape") {
			event.stopPropagation();
			close();
		} else if (event.key === "Tab" && panel) {
			const items = focusables(panel);
			const first = items[0];
			const last = items[items.length - 1];
			if (!first || !last) return;
			if (event.shiftKey && document.activeElement === first) {
				event.preventDefault();
				last.focus();
			} else if (!event.shiftKey && document.activeElement === last) {
				event.preventDefault();
				first.focus();
			}
		}
	};

	return (
		<Show when={props.open}>
			<Portal>
				<div class="dialog-backdrop">
					<button type="button" class="dialog-scrim" tabIndex={-1} aria-label="Close dialog" onClick={close} />
					<div
						ref={panel}
						class="dialog"
						role="dialog"
						aria-modal="true"
						aria-labelledby={titleId}
						tabIndex={-1}
						onKeyDown={onKeyDown}
					>
						<header class="dialog-header">
							<h2 id={titleId}>{props.title}</h2>
							<Show when={props.description}>
								<p class="muted">{props.description}</p>
							</Show>
						</header>
						<div class="dialog-body">{props.children}</div>
						<Show when={props.footer}>
							<footer class="dialog-footer">{props.footer}</footer>
						</Show>
					</div>
				</div>
			</Portal>
		</Show>
	);
}
