import { campaignCommandTools } from "./campaign-command-tools";
import { campaignTools } from "./campaign-tools";
import { contactTools } from "./contact-tools";
import type { ToolDefinition } from "./define";
import { journeyDraftTools } from "./journey-draft-tool";
import { journeyTools } from "./journey-tools";
import { listTools } from "./list-tools";
import { reviewTools } from "./review-tools";
import { segmentTools } from "./segment-tools";
import { templateTools } from "./template-tools";
import { workspaceTools } from "./workspace-tools";

/**
 * Every tool Pulse offers to a model, defined once. The in-app assistant (./index.ts) and the MCP server
 * (worker/mcp/server.ts) are both built from this list: adding a tool here adds it to both, within each
 * surface's rules (the assistant prepares and never sends or deletes; MCP lists what the key's role allows).
 */
export const TOOLS = {
	...workspaceTools,
	...contactTools,
	...listTools,
	...segmentTools,
	...templateTools,
	...campaignTools,
	...campaignCommandTools,
	...journeyTools,
	...journeyDraftTools,
	...reviewTools,
};

export type ToolRegistry = typeof TOOLS;
export type ToolName = keyof ToolRegistry;

export const toolEntries = () => Object.entries(TOOLS) as [ToolName, ToolDefinition][];
