import { createEffect, createSignal, on, onCleanup, onMount, Show } from "solid-js";
import type { HtmlEditor } from "./codemirror";

type Props = {
	/** The id of the element that labels the editor. */
	labelledBy: string;
	/** The id of the fallback textarea (its `<label for>`). */
	id: string;
	value: string;
	onChange: (value: string) => void;
	readOnly: boolean;
	invalid?: boolean;
	describedBy?: string;
	/** The line to highlight (a template error), if any. */
	errorLine?: number;
	/** Receives a function that moves the cursor to a line and column. */
	ref?: (focusAt: (line: number, column: number) => void) => void;
};

/**
 * The HTML source editor: CodeMirror 6 (syntax highlighting, tag completion, line numbers), loaded on demand
 * as its own chunk. A plain textarea stands in while it loads, and stays if it cannot load.
 */
export function CodeEditor(props: Props) {
	let host: HTMLDivElement | undefined;
	let textarea: HTMLTextAreaElement | undefined;
	const [editor, setEditor] = createSignal<HtmlEditor>();

	onMount(() => {
		let disposed = false;
		onCleanup(() => {
			disposed = true;
			editor()?.destroy();
		});
		import("./codemirror")
			.then(({ createHtmlEditor }) => {
				if (disposed || !host) return;
				const hadFocus = document.activeElement === textarea;
				const created = createHtmlEditor(host, {
					value: props.value,
					readOnly: props.readOnly,
					onChange: (value) => props.onChange(value),
					contentAttributes: attributes(),
				});
				setEditor(created);
				if (hadFocus) created.focusAt(1, 1);
			})
			.catch(() => {
				// Offline or a stale deployment: the textarea keeps working.
			});
	});

	const attributes = () => {
		const result: Record<string, string> = {
			"aria-labelledby": props.labelledBy,
			"aria-multiline": "true",
			role: "textbox",
			spellcheck: "false",
		};
		if (props.describedBy) result["aria-describedby"] = props.describedBy;
		if (props.invalid) result["aria-invalid"] = "true";
		return result;
	};
	createEffect(on([editor, attributes], ([view, next]) => view?.setAttributes(next), { defer: true }));
	createEffect(
		on([editor, () => props.value], ([view, value]) => {
			if (view && value !== view.value()) view.setValue(value);
		}),
	);
	createEffect(on([editor, () => props.errorLine], ([view, line]) => view?.setErrorLine(line ?? null)));

	const focusAt = (line: number, column: number) => {
		const view = editor();
		if (view) return view.focusAt(line, column);
		if (!textarea) return;
		const lines = textarea.value.split("\n");
		const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.max(0, column - 1);
		textarea.focus();
		textarea.setSelectionRange(offset, offset);
	};
	props.ref?.(focusAt);

	return (
		<div
			class="code-editor"
			classList={{ "code-editor-invalid": props.invalid, "code-editor-readonly": props.readOnly }}
			data-testid="html-editor"
			data-ready={editor() ? "true" : "false"}
		>
			<Show when={!editor()}>
				<textarea
					ref={textarea}
					id={props.id}
					class="code-fallback mono"
					spellcheck={false}
					readOnly={props.readOnly}
					value={props.value}
					aria-invalid={props.invalid ? "true" : undefined}
					aria-describedby={props.describedBy}
					onInput={(e) => props.onChange(e.currentTarget.value)}
				/>
			</Show>
			<div ref={host} class="code-host" />
		</div>
	);
}
