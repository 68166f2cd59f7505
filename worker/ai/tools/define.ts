import type { z } from "zod";
import type { Role } from "../../contracts/common";
import { asTool, requireRole, type ToolContext } from "./context";

/**
 * What a tool does, which decides its annotations and who may use it:
 * `read` changes nothing; `write` creates or changes drafts and records; `send` makes email reach people
 * (scheduling, resuming, activating); `destructive` removes or stops something for good.
 */
export type ToolKind = "read" | "write" | "send" | "destructive";

/** One tool, defined once and served by both surfaces (the assistant's `ai` tools and the MCP server). */
export type ToolDefinition<
	K extends ToolKind = ToolKind,
	I extends z.ZodObject = z.ZodObject,
	O extends z.ZodObject = z.ZodObject,
> = {
	title: string;
	description: string;
	kind: K;
	/** The least role that may list and call it; by default viewer for reads, editor for the rest. */
	minRole?: Role;
	/** What it refuses to do for a lower role, in the words of the refusal ("create segments"). */
	action?: string;
	input: I;
	output: O;
	run: (ctx: ToolContext, input: z.output<I>) => Promise<z.output<O>>;
};

export function defineTool<const K extends ToolKind, I extends z.ZodObject, O extends z.ZodObject>(
	definition: ToolDefinition<K, I, O>,
): ToolDefinition<K, I, O> {
	return definition;
}

export const minRoleOf = (tool: Pick<ToolDefinition, "kind" | "minRole">): Role =>
	tool.minRole ?? (tool.kind === "read" ? "viewer" : "editor");

/** The MCP annotations a tool's kind implies. */
export function annotationsOf(tool: Pick<ToolDefinition, "title" | "kind">) {
	return {
		title: tool.title,
		readOnlyHint: tool.kind === "read",
		destructiveHint: tool.kind === "destructive",
		idempotentHint: tool.kind === "read",
		openWorldHint: tool.kind === "send",
	};
}

/** Runs a tool as its caller: the role is checked first, service errors become errors the model can act on. */
export function runTool<I extends z.ZodObject, O extends z.ZodObject>(
	tool: ToolDefinition<ToolKind, I, O>,
	ctx: ToolContext,
	input: z.output<I>,
): Promise<z.output<O>> {
	return asTool(async () => {
		requireRole(ctx, minRoleOf(tool), tool.action ?? tool.title.toLowerCase());
		return tool.run(ctx, input);
	});
}
