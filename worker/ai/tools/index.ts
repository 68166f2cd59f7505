import { type InferUITools, type Tool, tool } from "ai";
import type { z } from "zod";
import type { AssistantToolTypes } from "../../contracts/assistant";
import type { ToolContext } from "./context";
import { runTool, type ToolDefinition } from "./define";
import { type ToolRegistry, toolEntries } from "./registry";

/** The assistant prepares and reads; it never makes email reach people nor removes anything (a person confirms those in Pulse). */
type ForAssistant<K extends keyof ToolRegistry> = ToolRegistry[K]["kind"] extends "read" | "write" ? K : never;
type AssistantToolSet = {
	[K in keyof ToolRegistry as ForAssistant<K>]: ToolRegistry[K] extends ToolDefinition<infer _K, infer I, infer O>
		? Tool<z.input<I>, z.output<O>>
		: never;
};

/**
 * Every tool the assistant has, bound to the caller (workspace and role). Tools above the caller's role are
 * still offered, so the model hears the refusal and can explain it.
 */
export function assistantTools(ctx: ToolContext): AssistantToolSet {
	const tools: Record<string, Tool> = {};
	for (const [name, definition] of toolEntries()) {
		if (definition.kind !== "read" && definition.kind !== "write") continue;
		tools[name] = tool({
			description: definition.description,
			inputSchema: definition.input,
			execute: (input) => runTool(definition, ctx, input),
		});
	}
	return tools as AssistantToolSet;
}

export type AssistantTools = ReturnType<typeof assistantTools>;

/** The tools answer what the chat's contract (contracts/assistant.ts) promises, with the same names. */
type Outputs<T> = { [K in keyof T]: T[K] extends { output: infer O } ? O : never };
type Fits<Actual, Promised> = [Actual] extends [Promised]
	? [keyof Promised] extends [keyof Actual]
		? true
		: false
	: false;
const toolsKeepTheirContract: Fits<Outputs<InferUITools<AssistantTools>>, Outputs<AssistantToolTypes>> = true;
void toolsKeepTheirContract;
