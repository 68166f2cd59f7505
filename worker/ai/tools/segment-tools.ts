import { z } from "zod";
import { SegmentSchema } from "../../contracts/segment-api";
import {
	assertPreviewAllowed,
	createSegment,
	listSegments,
	parseDefinition,
	previewSegment,
	updateSegment,
} from "../../services/segments";
import { auditTool, ToolError } from "./context";
import { defineTool } from "./define";
import { DefinitionInput } from "./definition-input";

const Name = z.string().min(1).max(200);

export const segmentTools = {
	list_segments: defineTool({
		title: "List segments",
		description: "The workspace's saved segments, newest first, with their stored counts and rule trees.",
		kind: "read",
		input: z.object({
			limit: z.number().int().min(1).max(50).default(20),
			cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
		}),
		output: z.object({ segments: z.array(SegmentSchema), next_cursor: z.string().nullable() }),
		run: async (ctx, input) => {
			const page = await listSegments(ctx.env.DB, ctx.principal.workspaceId, input);
			return { segments: page.data, next_cursor: page.next_cursor };
		},
	}),
	count_segment: defineTool({
		title: "Preview a segment's count",
		description:
			"Count the contacts a segment definition matches, with a few sample addresses, without saving anything.",
		kind: "read",
		input: z.object({ definition: DefinitionInput }),
		output: z.object({ count: z.number().int(), sample: z.array(z.string()) }),
		run: async (ctx, { definition }) => {
			const parsed = parseDefinition(definition);
			await assertPreviewAllowed(ctx.env.DB, ctx.principal);
			const preview = await previewSegment(ctx.env.DB, ctx.principal.workspaceId, parsed, 5);
			return { count: preview.count, sample: preview.sample.map((c) => c.email) };
		},
	}),
	create_segment: defineTool({
		title: "Create a segment",
		description:
			"Save a segment from a rule tree and return it with its count. Invalid trees come back as an error naming the place at fault: fix it and call again.",
		kind: "write",
		action: "create segments",
		input: z.object({ name: Name.describe("A short name a marketer recognises"), definition: DefinitionInput }),
		output: z.object({ segment: SegmentSchema, url: z.string() }),
		run: async (ctx, input) => {
			const segment = await createSegment(ctx.env.DB, ctx.principal, input);
			await auditTool(ctx, "segment.created", { type: "segment", id: segment.id });
			return { segment, url: `/segments/${segment.id}` };
		},
	}),
	update_segment: defineTool({
		title: "Update a segment",
		description:
			"Rename a saved segment and/or replace its rule tree; it is recounted. Campaigns not yet sent use the new rules.",
		kind: "write",
		action: "change segments",
		input: z.object({ segment_id: z.string().max(100), name: Name.optional(), definition: DefinitionInput.optional() }),
		output: z.object({ segment: SegmentSchema, url: z.string() }),
		run: async (ctx, { segment_id, ...change }) => {
			if (change.name === undefined && change.definition === undefined)
				throw new ToolError("Give a new name or a new definition");
			const segment = await updateSegment(ctx.env.DB, ctx.principal, segment_id, change);
			await auditTool(ctx, "segment.updated", { type: "segment", id: segment.id });
			return { segment, url: `/segments/${segment.id}` };
		},
	}),
};
