import {
	AbstractChat,
	type ChatInit,
	type ChatState,
	type ChatStatus,
	DefaultChatTransport,
	type UIDataTypes,
	type UIMessage,
} from "ai";
import { createSignal, type Signal } from "solid-js";
import type { AssistantToolTypes } from "../../../worker/contracts/assistant";

/** A chat message with Pulse's tools typed: `tool-create_segment` parts carry the tool's input and output. */
export type PulseMessage = UIMessage<unknown, UIDataTypes, AssistantToolTypes>;
export type PulsePart = PulseMessage["parts"][number];

/** A copy the UI sees as new: the SDK updates the streaming message in place. */
const fresh = <M extends UIMessage>(message: M): M => ({ ...message, parts: message.parts.map((p) => ({ ...p })) });

/** The SDK's chat state held in Solid signals (there is no official Solid binding since AI SDK 5). */
class SolidChatState<M extends UIMessage> implements ChatState<M> {
	readonly #messages: Signal<M[]>;
	readonly #status = createSignal<ChatStatus>("ready");
	readonly #error = createSignal<Error | undefined>(undefined);

	constructor(messages: M[] = []) {
		this.#messages = createSignal(messages);
	}

	get messages() {
		return this.#messages[0]();
	}
	set messages(messages: M[]) {
		this.#messages[1](messages);
	}
	get status() {
		return this.#status[0]();
	}
	set status(status: ChatStatus) {
		this.#status[1](status);
	}
	get error() {
		return this.#error[0]();
	}
	set error(error: Error | undefined) {
		this.#error[1](error);
	}

	pushMessage = (message: M) => this.#messages[1]((all) => [...all, fresh(message)]);
	popMessage = () => this.#messages[1]((all) => all.slice(0, -1));
	replaceMessage = (index: number, message: M) =>
		this.#messages[1]((all) => all.map((m, i) => (i === index ? fresh(message) : m)));
	snapshot = <T>(value: T): T => value;
}

/** One conversation with the assistant: `messages`, `status` and `error` are reactive. */
export class Chat extends AbstractChat<PulseMessage> {
	constructor(init: Omit<ChatInit<PulseMessage>, "transport"> & { id: string }) {
		super({
			...init,
			state: new SolidChatState(init.messages),
			// Only the new message goes up: the conversation's history is kept (and trusted) on the server.
			transport: new DefaultChatTransport({
				api: "/api/v1/assistant/chat",
				credentials: "same-origin",
				prepareSendMessagesRequest: ({ id, messages }) => ({
					body: { conversation_id: id, message: messages.at(-1) },
				}),
			}),
		});
	}
}

/** The API's error message inside a failed chat request (the transport throws the response body as text). */
export function chatErrorMessage(error: Error | undefined): string | undefined {
	if (!error) return undefined;
	try {
		const body = JSON.parse(error.message) as { error?: { message?: string } };
		return body.error?.message ?? error.message;
	} catch {
		return error.message;
	}
}
