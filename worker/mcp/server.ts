import { type CallToolResult, McpServer } from "@modelcontextprotocol/server";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/server/validators/cf-worker";
import { type ToolContext, ToolError } from "../ai/tools/context";
import { annotationsOf, minRoleOf, runTool, type ToolDefinition } from "../ai/tools/define";
import { toolEntries } from "../ai/tools/registry";
import { hasRole } from "../domain/roles";

const INSTRUCTIONS = [
	"Pulse is an email campaign platform. These tools act in one workspace, with the role of the API key you were given.",
	"Call describe_workspace first: it names the attributes, tags, events, segments, templates and campaigns that exist. Never invent ids.",
	"Tools that send (schedule_campaign, resume_campaign, activate_journey) make real email reach people: confirm with the user before calling them.",
	"When a tool answers with an error, read it, correct your input and try again, or explain the problem to the user.",
].join("\n");

const text = (value: string): CallToolResult["content"] => [{ type: "text", text: value }];

/** One call: the tool's answer as structured content (and as JSON text for older clients), or an error the model can act on. */
async function call(name: string, tool: ToolDefinition, ctx: ToolContext, input: unknown): Promise<CallToolResult> {
	try {
		const output = tool.output.parse(await runTool(tool, ctx, input as never));
		return { content: text(JSON.stringify(output)), structuredContent: output };
	} catch (error) {
		if (error instanceof ToolError) return { isError: true, content: text(error.message) };
		console.error(`mcp: the tool ${name} failed:`, error);
		return { isError: true, content: text(`${name} failed unexpectedly on the server; try again later.`) };
	}
}

/**
 * The MCP server for one request: the registry's tools the caller's role may use (a viewer's key sees
 * only the read-only ones), each with its schemas and annotations. Schemas are checked with the
 * Cloudflare validator: Ajv compiles code with `new Function`, which workerd refuses outside tests.
 */
export function buildMcpServer(ctx: ToolContext): McpServer {
	const server = new McpServer(
		{ name: "pulse", title: "Pulse", version: "1.0.0" },
		{ instructions: INSTRUCTIONS, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
	);
	for (const [name, tool] of toolEntries()) {
		if (!hasRole(ctx.principal.role, minRoleOf(tool))) continue;
		server.registerTool(
			name,
			{
				title: tool.title,
				description: tool.description,
				inputSchema: tool.input,
				outputSchema: tool.output,
				annotations: annotationsOf(tool),
			},
			(input: unknown) => call(name, tool, ctx, input),
		);
	}
	return server;
}
