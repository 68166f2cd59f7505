import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { createApp } from "../worker/app";

/** One model turn: some text (streamed word by word), or tool calls. */
export type Turn = { text: string } | { toolCalls: { name: string; input: unknown }[] };
/** A scripted step: a fixed turn, or one that reads what the model was sent (e.g. a tool's error). */
export type Step = Turn | ((prompt: LanguageModelV3Prompt) => Turn);

const usage = {
	inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
	outputTokens: { total: 5, text: 5, reasoning: 0 },
};

let callCounter = 0;

function chunksOf(turn: Turn): LanguageModelV3StreamPart[] {
	const start: LanguageModelV3StreamPart = { type: "stream-start", warnings: [] };
	if ("text" in turn) {
		const words = turn.text.split(/(?<= )/);
		return [
			start,
			{ type: "text-start", id: "t1" },
			...words.map((delta) => ({ type: "text-delta" as const, id: "t1", delta })),
			{ type: "text-end", id: "t1" },
			{ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
		];
	}
	return [
		start,
		...turn.toolCalls.map((call) => ({
			type: "tool-call" as const,
			toolCallId: `call_${++callCounter}`,
			toolName: call.name,
			input: JSON.stringify(call.input),
		})),
		{ type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage },
	];
}

/** The SDK's mock model, playing the given steps in order (the last one repeats). */
export function scriptedModel(steps: Step[]) {
	let index = 0;
	return new MockLanguageModelV3({
		doStream: async (options) => {
			const step = steps[Math.min(index++, steps.length - 1)];
			if (!step) throw new Error("no scripted step");
			const turn = typeof step === "function" ? step(options.prompt) : step;
			return { stream: simulateReadableStream({ chunks: chunksOf(turn) }) };
		},
	});
}

/** The tool results the model was sent, newest last. */
export function toolResults(prompt: LanguageModelV3Prompt) {
	return prompt.flatMap((m) => (m.role === "tool" ? m.content.filter((p) => p.type === "tool-result") : []));
}

/**
 * The real app (real D1, real routes and services) with a test model in place of the configured one;
 * `via` waits for the request's background work (the stream consumed, history saved) like the runtime would.
 */
export function appWithModel(model: () => MockLanguageModelV3 | null) {
	const app = createApp({
		resolveModel: () => {
			const m = model();
			return m ? { model: m, provider: "mock", modelId: "mock-model" } : null;
		},
	});
	return async (request: Request) => {
		const ctx = createExecutionContext();
		const response = await app.fetch(request, env, ctx);
		const body = await response.text();
		await waitOnExecutionContext(ctx);
		return new Response(body, { status: response.status, headers: response.headers });
	};
}

// biome-ignore lint/suspicious/noExplicitAny: UI message stream chunks have many shapes
export type StreamChunk = { type: string; [key: string]: any };

/** The UI message stream (server-sent events) as its chunks, in order. */
export function streamChunks(body: string): StreamChunk[] {
	return body
		.split("\n")
		.filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
		.map((line) => JSON.parse(line.slice(6)) as StreamChunk);
}
