import type { InferUITools } from "ai";
import type { AssistantToolTypes } from "../../contracts/assistant";
import type { ToolContext } from "./context";
import { readTools } from "./read-tools";
import { writeTools } from "./write-tools";

/** Every tool the assistant has, bound to the caller (workspace and role). */
export function assistantTools(ctx: ToolContext) {
	return { ...readTools(ctx), ...writeTools(ctx) };
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
