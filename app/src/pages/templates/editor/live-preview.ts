import { type Accessor, createEffect, createMemo, createSignal, on } from "solid-js";
import type { ApiIssue } from "../../../../../worker/contracts/common";
import { ApiError, messageOf, type RenderBody, renderTemplate } from "../../../lib/api";
import { createDebounced } from "../../../lib/debounce";
import type { RenderedEmail } from "../../../lib/types";
import type { PreviewAs } from "../ContactPicker";

/** What the live preview renders: the unsaved subject, preheader and text, with the HTML or the blocks. */
export type PreviewSource = {
	subject: string;
	preheader: string | null;
	text: string | null;
	html?: string;
	blocks?: unknown;
};

/**
 * The live preview: the unsaved source, rendered exactly as it would be sent, 300 ms after the last keystroke.
 * A render that fails keeps the last good one on screen and reports what is wrong (field issues or a message).
 */
export function createLivePreview(draft: Accessor<PreviewSource>, previewAs: Accessor<PreviewAs>) {
	const source = createMemo(() => JSON.stringify(draft()));
	const settled = createDebounced(source, 300);
	const [rendered, setRendered] = createSignal<RenderedEmail>();
	const [issues, setIssues] = createSignal<ApiIssue[]>([]);
	const [error, setError] = createSignal<string>();
	const [rendering, setRendering] = createSignal(false);
	let generation = 0;
	createEffect(
		on([settled, previewAs], async ([text, as]) => {
			const mine = ++generation;
			const template = JSON.parse(text) as RenderBody["template"];
			if (template.html !== undefined && !template.html.trim()) {
				setIssues([{ path: "html", message: "Write the email's HTML to see a preview" }]);
				return;
			}
			setRendering(true);
			try {
				const result = await renderTemplate({ template, ...(as ? { contact_id: as.id } : {}) });
				if (mine !== generation) return;
				setRendered(result);
				setIssues([]);
				setError(undefined);
			} catch (e) {
				if (mine !== generation) return;
				const found = e instanceof ApiError ? e.issues : [];
				setIssues(found);
				setError(found.length > 0 ? undefined : messageOf(e));
			} finally {
				if (mine === generation) setRendering(false);
			}
		}),
	);
	const pending = () => rendering() || settled() !== source();
	const stale = () => pending() || issues().length > 0 || Boolean(error());
	/** Why the preview is not up to date, when it is not for a reason the writer must fix. */
	const problem = () => {
		if (error()) return `The preview could not be updated: ${error()}`;
		const first = issues()[0];
		if (!first) return undefined;
		const what = first.path.includes("blocks.") ? "block marked in red" : first.path;
		return rendered()
			? `Showing the last version that rendered. Fix the ${what} to update it.`
			: `Fix the ${what} to see a preview.`;
	};
	return { rendered, issues, pending, stale, problem };
}

export type LivePreview = ReturnType<typeof createLivePreview>;
