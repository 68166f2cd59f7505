import { APICallError, convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { servedLocally } from "../config";
import type { Principal } from "../context";
import type { ChatBody } from "../contracts/assistant";
import { newId } from "../domain/ids";
import { appendMessage, loadMessages } from "../services/conversations";
import type { ModelChoice } from "./model";
import { systemPrompt } from "./prompt";
import { ToolError } from "./tools/context";
import { assistantTools } from "./tools/index";

/** Enough for a look-around, a correction or two and the answer; a model that loops is cut off here. */
const MAX_STEPS = 8;
/** The newest messages the model sees; older ones stay in the history the user reads. */
const CONTEXT_MESSAGES = 40;

export type ChatRequest = {
	env: Env;
	d1: D1Database;
	requestUrl: string;
	ip: string | null;
	principal: Principal;
	workspaceName: string;
	choice: ModelChoice;
	body: ChatBody;
	tokenSecret: string | null;
	baseUrl: string;
	waitUntil: (promise: Promise<unknown>) => void;
};

/** What the user sees when something fails: tool refusals verbatim, provider failures without internals. */
export function describeChatError(error: unknown): string {
	if (error instanceof ToolError) return error.message;
	if (APICallError.isInstance(error))
		return `The model provider could not answer${error.statusCode ? ` (HTTP ${error.statusCode})` : ""}. Try again in a moment.`;
	return "Something went wrong while answering. Try again.";
}

/**
 * Streams the assistant's answer to the user's new message. The user message is stored before the model is
 * called (so it is never lost), the answer when it is complete; the stream is consumed to the end even if the
 * browser goes away, so the history always holds what was said.
 */
export async function streamAssistantReply(req: ChatRequest): Promise<Response> {
	const conversationId = req.body.conversation_id;
	const userMessage = req.body.message as UIMessage;
	const history = await loadMessages(req.d1, conversationId, CONTEXT_MESSAGES - 1);
	await appendMessage(req.d1, conversationId, userMessage);
	const messages = [...history, userMessage];

	const tools = assistantTools({
		env: { ...req.env, DB: req.d1 },
		principal: req.principal,
		tokenSecret: req.tokenSecret,
		baseUrl: req.baseUrl,
		requestUrl: req.requestUrl,
		ip: req.ip,
		local: servedLocally(req.env, req.requestUrl),
		via: "assistant",
	});
	const result = streamText({
		model: req.choice.model,
		system: systemPrompt({
			workspaceName: req.workspaceName,
			role: req.principal.role,
			today: new Date().toISOString().slice(0, 10),
		}),
		messages: await convertToModelMessages(messages, { tools, ignoreIncompleteToolCalls: true }),
		tools,
		stopWhen: stepCountIs(MAX_STEPS),
		// For the operator's log; the user sees `describeChatError`'s wording.
		onError: ({ error }) =>
			console.error(
				"assistant: the model call failed:",
				APICallError.isInstance(error) ? `HTTP ${error.statusCode ?? "-"} from ${error.url}` : error,
			),
	});
	req.waitUntil(Promise.resolve(result.consumeStream()));
	return result.toUIMessageStreamResponse({
		originalMessages: messages,
		generateMessageId: () => newId("msg"),
		onError: describeChatError,
		onFinish: async ({ responseMessage }) => {
			if (responseMessage.parts.length > 0) await appendMessage(req.d1, conversationId, responseMessage);
		},
	});
}
