import { createSignal, createUniqueId } from "solid-js";
import { Button } from "./Button";

/** A read-only value with a Copy button; falls back to selecting the text when the clipboard is unavailable. */
export function CopyField(props: { label: string; value: string; testId?: string }) {
	const id = `copy-${createUniqueId()}`;
	const [state, setState] = createSignal<"idle" | "copied" | "selected">("idle");
	let input: HTMLInputElement | undefined;

	const copy = async () => {
		try {
			if (!navigator.clipboard) throw new Error("no clipboard");
			await navigator.clipboard.writeText(props.value);
			setState("copied");
		} catch {
			input?.focus();
			input?.select();
			setState("selected");
		}
	};

	return (
		<div class="field">
			<label for={id}>{props.label}</label>
			<div class="copy-row">
				<input
					ref={input}
					id={id}
					class="input mono"
					readOnly
					value={props.value}
					data-testid={props.testId}
					onFocus={(e) => e.currentTarget.select()}
				/>
				<Button onClick={copy}>{state() === "copied" ? "Copied" : "Copy"}</Button>
			</div>
			<p class="field-hint" aria-live="polite">
				{state() === "selected" ? "Selected: press Ctrl+C (⌘C on a Mac) to copy." : ""}
			</p>
		</div>
	);
}
