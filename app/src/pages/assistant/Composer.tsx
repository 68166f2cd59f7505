import { createEffect, createSignal, on, onMount, Show } from "solid-js";
import { Button } from "../../components/Button";

const MAX_CHARS = 8000;

type Props = {
	initial?: string;
	busy: boolean;
	disabled?: boolean;
	onSend: (text: string) => Promise<void> | void;
	onStop: () => void;
};

/** Where the user writes: Enter sends, Shift+Enter adds a line. */
export function Composer(props: Props) {
	const [text, setText] = createSignal(props.initial ?? "");
	const canSend = () => !props.busy && !props.disabled && text().trim().length > 0;
	let input: HTMLTextAreaElement | undefined;
	/** A prompt handed over by an "Ask the assistant" link: put in the box, ready to send or edit. */
	const takePrompt = (prompt: string | undefined) => {
		if (!prompt) return;
		setText(prompt.slice(0, MAX_CHARS));
		input?.focus();
		input?.setSelectionRange(prompt.length, prompt.length);
	};
	onMount(() => takePrompt(props.initial));
	// The page stays mounted when a link brings a new prompt (e.g. from an open conversation).
	createEffect(on(() => props.initial, takePrompt, { defer: true }));

	const submit = async (event?: Event) => {
		event?.preventDefault();
		if (!canSend()) return;
		const message = text().trim();
		setText("");
		await props.onSend(message);
	};

	return (
		<form class="chat-composer" onSubmit={submit}>
			<label class="sr-only" for="chat-input">
				Message the assistant
			</label>
			<textarea
				ref={input}
				id="chat-input"
				class="textarea chat-input"
				rows={2}
				maxLength={MAX_CHARS}
				placeholder="Ask for a segment, an email draft, a campaign draft or how a campaign did…"
				value={text()}
				disabled={props.disabled}
				onInput={(e) => setText(e.currentTarget.value)}
				onKeyDown={(e) => {
					if (e.key === "Enter" && !e.shiftKey && !e.isComposing) void submit(e);
				}}
			/>
			<Show
				when={props.busy}
				fallback={
					<Button type="submit" variant="primary" disabled={!canSend()}>
						Send
					</Button>
				}
			>
				<Button onClick={() => props.onStop()}>Stop</Button>
			</Show>
		</form>
	);
}

/** Ways to start, for an empty conversation. */
export const STARTERS = [
	"Build a segment of subscribed contacts who opened the last campaign",
	"Draft a friendly welcome email in English with three subject lines",
	"How did my last campaign do, and what should I try next?",
];
