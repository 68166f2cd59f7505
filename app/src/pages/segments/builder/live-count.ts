import { type Accessor, createEffect, createSignal, on } from "solid-js";
import { messageOf, previewSegment } from "../../../lib/api";
import { createDebounced } from "../../../lib/debounce";
import type { SegmentPreview } from "../../../lib/types";
import type { PathIndex } from "../definition";

/**
 * Who matches the rules being edited, counted by the server 300 ms after the last change. A definition the
 * server refuses is handed to `pin` (which marks the rules at fault and says whether it could); an accepted one
 * clears them through `onAccepted`.
 */
export function createLiveCount(options: {
	definitionText: Accessor<string>;
	index: () => PathIndex;
	pin: (error: unknown, index: PathIndex) => boolean;
	onAccepted: () => void;
	/** True until the person first changes the rules: the starting definition (an empty rule) is not counted. */
	quiet?: () => boolean;
}) {
	const [preview, setPreview] = createSignal<SegmentPreview>();
	const [error, setError] = createSignal<string>();
	const [counting, setCounting] = createSignal(false);
	let generation = 0;
	const settled = createDebounced(options.definitionText, 300);
	createEffect(
		on(settled, async (text) => {
			const mine = ++generation;
			// The untouched starting rules (a new segment's one empty rule) would only be refused: nothing is asked.
			if (options.quiet?.()) {
				setPreview(undefined);
				setError(undefined);
				setCounting(false);
				return;
			}
			const index = options.index();
			setCounting(true);
			try {
				const result = await previewSegment(JSON.parse(text));
				if (mine !== generation) return;
				setPreview(result);
				setError(undefined);
				options.onAccepted();
			} catch (e) {
				if (mine !== generation) return;
				setPreview(undefined);
				setError(options.pin(e, index) ? "Fix the highlighted rules to see who matches." : messageOf(e));
			} finally {
				if (mine === generation) setCounting(false);
			}
		}),
	);
	const stale = () => counting() || settled() !== options.definitionText();
	return { preview, error, stale, quiet: () => options.quiet?.() === true };
}

export type LiveCount = ReturnType<typeof createLiveCount>;
