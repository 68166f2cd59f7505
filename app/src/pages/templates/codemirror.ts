/**
 * The HTML code editor (CodeMirror 6), in its own chunk: the template editor imports it dynamically and shows a
 * plain textarea until it arrives.
 *
 * Built from the CodeMirror 6 packages `@codemirror/lang-html` brings (view, state, language, autocomplete).
 * The installed `codemirror@6.65.7` is not the CodeMirror 6 bundle (it is a CodeMirror 5 build published under
 * a 6.x number), and `@codemirror/commands` is not installed, so the few commands an editor needs (undo/redo,
 * newline with indentation) are defined here.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { html } from "@codemirror/lang-html";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import {
	Annotation,
	type ChangeSet,
	Compartment,
	EditorSelection,
	EditorState,
	type Extension,
	StateEffect,
	StateField,
} from "@codemirror/state";
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

// ---- history: undo and redo ---------------------------------------------------------------------------------
type Entry = { changes: ChangeSet; selection: EditorSelection; time: number; typing: boolean };
type History = { done: Entry[]; undone: Entry[] };

const historyStep = Annotation.define<"undo" | "redo" | "reset">();
const MERGE_MS = 700;
const DEPTH = 300;

const history = StateField.define<History>({
	create: () => ({ done: [], undone: [] }),
	update(value, tr) {
		const step = tr.annotation(historyStep);
		if (step === "reset") return { done: [], undone: [] };
		if (!tr.docChanged) return value;
		const entry: Entry = {
			changes: tr.changes.invert(tr.startState.doc),
			selection: tr.startState.selection,
			time: Date.now(),
			typing: tr.isUserEvent("input.type") || tr.isUserEvent("delete"),
		};
		if (step === "undo") return { done: value.done.slice(0, -1), undone: [...value.undone, entry] };
		if (step === "redo") return { done: [...value.done, entry], undone: value.undone.slice(0, -1) };
		const last = value.done.at(-1);
		if (last && entry.typing && last.typing && entry.time - last.time < MERGE_MS) {
			// One undo step for a burst of typing: this inverse, then the earlier one.
			const merged = { ...last, changes: entry.changes.compose(last.changes), time: entry.time };
			return { done: [...value.done.slice(0, -1), merged], undone: [] };
		}
		return { done: [...value.done.slice(-DEPTH), entry], undone: [] };
	},
});

function replay(view: EditorView, which: "undo" | "redo"): boolean {
	const state = view.state.field(history);
	const entry = (which === "undo" ? state.done : state.undone).at(-1);
	if (!entry || view.state.readOnly) return false;
	view.dispatch({
		changes: entry.changes,
		selection: entry.selection,
		annotations: historyStep.of(which),
		scrollIntoView: true,
		userEvent: which,
	});
	return true;
}

/** Enter: a new line indented like the current one. */
function newlineAndIndent(view: EditorView): boolean {
	if (view.state.readOnly) return false;
	view.dispatch(
		view.state.changeByRange((range) => {
			const line = view.state.doc.lineAt(range.from);
			const indent = /^[ \t]*/.exec(line.text)?.[0] ?? "";
			const insert = `\n${indent}`;
			return {
				changes: { from: range.from, to: range.to, insert },
				range: EditorSelection.cursor(range.from + insert.length),
			};
		}),
		{ scrollIntoView: true, userEvent: "input" },
	);
	return true;
}

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
		history,
		errorLine,
		EditorView.lineWrapping,
		theme,
		EditorState.readOnly.of(options.readOnly),
		EditorView.editable.of(!options.readOnly),
		attributes.of(EditorView.contentAttributes.of(options.contentAttributes)),
		keymap.of([
			...closeBracketsKeymap,
			...completionKeymap,
			{ key: "Mod-z", run: (view) => replay(view, "undo"), preventDefault: true },
			{ key: "Mod-y", run: (view) => replay(view, "redo"), preventDefault: true },
			{ key: "Mod-Shift-z", run: (view) => replay(view, "redo"), preventDefault: true },
			{ key: "Enter", run: newlineAndIndent },
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
				annotations: historyStep.of("reset"),
			});
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
