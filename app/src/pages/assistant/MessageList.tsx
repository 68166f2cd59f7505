import { Index, Match, Show, Switch } from "solid-js";
import type { PulseMessage, PulsePart } from "../../lib/chat";
import { isToolPart, ToolCard } from "./ToolCard";

const textOf = (part: PulsePart) => (part.type === "text" ? part.text : undefined);
const toolOf = (part: PulsePart) => (isToolPart(part) ? part : undefined);

/**
 * The conversation, each message's parts in order: text as written, tool calls as cards. Rows are kept by
 * position (`Index`), so a streaming message updates in place instead of being rebuilt on every chunk.
 */
export function MessageList(props: { messages: PulseMessage[]; busy: boolean }) {
	return (
		<ol class="chat-messages" aria-busy={props.busy ? "true" : "false"}>
			<Index each={props.messages}>
				{(message) => (
					<li class={`chat-message chat-${message().role}`} data-role={message().role}>
						<span class="sr-only">{message().role === "user" ? "You said:" : "The assistant said:"}</span>
						<Index each={message().parts}>
							{(part) => (
								<Switch>
									<Match when={textOf(part()) !== undefined}>
										<p class="chat-text">{textOf(part())}</p>
									</Match>
									<Match when={toolOf(part())}>{(tool) => <ToolCard part={tool()} />}</Match>
								</Switch>
							)}
						</Index>
					</li>
				)}
			</Index>
			<Show when={props.busy && props.messages.at(-1)?.role === "user"}>
				<li class="chat-message chat-assistant chat-thinking">Thinking…</li>
			</Show>
		</ol>
	);
}
