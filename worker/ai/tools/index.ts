import type { ToolContext } from "./context";
import { readTools } from "./read-tools";
import { writeTools } from "./write-tools";

/** Every tool the assistant has, bound to the caller (workspace and role). */
export function assistantTools(ctx: ToolContext) {
	return { ...readTools(ctx), ...writeTools(ctx) };
}

export type AssistantTools = ReturnType<typeof assistantTools>;
