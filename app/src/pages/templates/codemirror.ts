/**
 * The HTML code editor (CodeMirror 6), in its own chunk: the template editor imports it dynamically and shows a
 * plain textarea until it arrives.
 *
 * Built from the CodeMirror 6 packages (view, state, language, autocomplete, commands) rather than the
 * `codemirror` bundle, so only what the editor uses is shipped. Undo/redo is `@codemirror/commands`' history.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { history, historyKeymap, insertNewlineAndIndent } from "@codemirror/commands";
import { html } from "@codemirror/lang-html";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState, type Extension, StateEffect, StateField, Transaction } from "@codemirror/state";
import {
	Decoration,
	type DecorationSet,
	drawSelection,
	EditorView,
	highlightActiveLine,
	highlightActiveLineGutter,
	highlightSpecialChars,
	keymap,
	lineNumbers,
} from "@codemirror/view";

// ---- the line of a template error ---------------------------------------------------------------------------
const setErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(value, tr) {
		let next = value.map(tr.changes);
		for (const effect of tr.effects) {
			if (!effect.is(setErrorLine)) continue;
			const line = effect.value;
			next =
				line && line >= 1 && line <= tr.state.doc.lines
					? Decoration.set([Decoration.line({ class: "cm-error-line" }).range(tr.state.doc.line(line).from)])
					: Decoration.none;
		}
		return next;
	},
	provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
	"&": { fontSize: "12.5px", backgroundColor: "var(--surface)", height: "100%" },
	"&.cm-focused": { outline: "none" },
	".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.55" },
	".cm-content": { padding: "8px 0" },
	".cm-gutters": {
		backgroundColor: "var(--surface-2)",
		color: "var(--text-3)",
		borderRight: "1px solid var(--border)",
	},
	".cm-activeLine": { backgroundColor: "rgb(91 91 214 / 5%)" },
	".cm-activeLineGutter": { backgroundColor: "rgb(91 91 214 / 10%)" },
	".cm-error-line": { backgroundColor: "var(--danger-soft)", boxShadow: "inset 3px 0 0 var(--danger)" },
});

export type HtmlEditor = {
	/** Replaces the whole document (e.g. after a reload); clears undo history. */
	setValue: (value: string) => void;
	value: () => string;
	setErrorLine: (line: number | null) => void;
	/** Replaces the ARIA attributes of the editable element (invalid, described by). */
	setAttributes: (attributes: Record<string, string>) => void;
	/** Moves the cursor to a 1-based line and column and focuses the editor. */
	focusAt: (line: number, column: number) => void;
	destroy: () => void;
};

export function createHtmlEditor(
	parent: HTMLElement,
	options: {
		value: string;
		readOnly: boolean;
		onChange: (value: string) => void;
		contentAttributes: Record<string, string>;
	},
): HtmlEditor {
	const attributes = new Compartment();
	/** Holds the undo history; emptied and refilled to forget it when the document is replaced. */
	const undo = new Compartment();
	const extensions: Extension[] = [
		lineNumbers(),
		highlightActiveLineGutter(),
		highlightSpecialChars(),
		drawSelection(),
		indentOnInput(),
		bracketMatching(),
		closeBrackets(),
		autocompletion(),
		highlightActiveLine(),
		syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
		html({ autoCloseTags: true }),
		undo.of(history()),
		errorLine,
		EditorView.lineWrapping,
		theme,
		EditorState.readOnly.of(options.readOnly),
		EditorView.editable.of(!options.readOnly),
		attributes.of(EditorView.contentAttributes.of(options.contentAttributes)),
		keymap.of([
			...closeBracketsKeymap,
			...completionKeymap,
			...historyKeymap,
			{ key: "Enter", run: insertNewlineAndIndent },
		]),
		EditorView.updateListener.of((update) => {
			if (update.docChanged) options.onChange(update.state.doc.toString());
		}),
	];
	const view = new EditorView({ parent, state: EditorState.create({ doc: options.value, extensions }) });

	return {
		setValue(value) {
			if (value === view.state.doc.toString()) return;
			view.dispatch({
				changes: { from: 0, to: view.state.doc.length, insert: value },
				annotations: Transaction.addToHistory.of(false),
				effects: undo.reconfigure([]),
			});
			view.dispatch({ effects: undo.reconfigure(history()) });
		},
		value: () => view.state.doc.toString(),
		setAttributes(next) {
			view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(next)) });
		},
		setErrorLine(line) {
			view.dispatch({ effects: setErrorLine.of(line) });
		},
		focusAt(line, column) {
			const doc = view.state.doc;
			const at = doc.line(Math.min(Math.max(1, line), doc.lines));
			const pos = Math.min(at.from + Math.max(0, column - 1), at.to);
			view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
			view.focus();
		},
		destroy: () => view.destroy(),
	};
}
