import { onCleanup } from "solid-js";

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** Ctrl/Cmd+Z undoes a block change and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes it, except while typing in a field. */
export function useUndoKeys(history: { undo: () => void; redo: () => void }) {
	const onKeyDown = (event: KeyboardEvent) => {
		const target = event.target as HTMLElement | null;
		if (!(event.ctrlKey || event.metaKey) || (target && (TYPING.has(target.tagName) || target.isContentEditable)))
			return;
		const key = event.key.toLowerCase();
		if (key === "z" && !event.shiftKey) history.undo();
		else if ((key === "z" && event.shiftKey) || key === "y") history.redo();
		else return;
		event.preventDefault();
	};
	window.addEventListener("keydown", onKeyDown);
	onCleanup(() => window.removeEventListener("keydown", onKeyDown));
}
