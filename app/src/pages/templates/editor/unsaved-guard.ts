import { useBeforeLeave } from "@solidjs/router";
import { onCleanup } from "solid-js";

/**
 * Unsaved changes are not lost by accident: leaving the page asks first, closing the tab warns, and
 * Ctrl/Cmd+S saves. `allowLeave()` lets the next navigation through (after a delete, say).
 */
export function useUnsavedGuard(options: { dirty: () => boolean; canEdit: () => boolean; save: () => void }) {
	let leaving = false;
	useBeforeLeave((event) => {
		if (leaving || !options.dirty() || !options.canEdit() || event.defaultPrevented) return;
		event.preventDefault();
		if (window.confirm("Leave without saving? Your changes to this template will be lost.")) {
			leaving = true;
			event.retry(true);
		}
	});
	const onKeyDown = (event: KeyboardEvent) => {
		if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
			event.preventDefault();
			if (options.canEdit()) options.save();
		}
	};
	const onBeforeUnload = (event: BeforeUnloadEvent) => {
		if (options.dirty() && options.canEdit()) event.preventDefault();
	};
	window.addEventListener("keydown", onKeyDown);
	window.addEventListener("beforeunload", onBeforeUnload);
	onCleanup(() => {
		window.removeEventListener("keydown", onKeyDown);
		window.removeEventListener("beforeunload", onBeforeUnload);
	});
	return {
		allowLeave: () => {
			leaving = true;
		},
	};
}
