import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import {
	CreateSegmentBodySchema,
	PreviewSegmentBodySchema,
	SegmentPreviewSchema,
	SegmentSchema,
	UpdateSegmentBodySchema,
} from "../contracts/segment-api";
import { SegmentFieldsSchema } from "../contracts/segment-fields";
import { contactsCsv } from "../services/contacts-csv";
import { refreshWorkspaceCounts } from "../services/segment-counts";
import { segmentFields } from "../services/segment-fields";
import {
	assertPreviewAllowed,
	createSegment,
	deleteSegment,
	getSegment,
	listSegments,
	needsRecount,
	PREVIEW_LIMIT,
	parseDefinition,
	previewSegment,
	updateSegment,
} from "../services/segments";
import { auditChange } from "./audit-change";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Segments"];

const COUNT_NOTE =
	"`count` is the stored count, taken at `count_updated_at` (null: not counted yet). Saving new rules counts at once; a count older than five minutes is refreshed in the background, so a later read shows the new one.";

/** Stale counts are refreshed after the answer, never while it waits. */
function refreshLater(c: Context<AppEnv>, segments: { count_updated_at: string | null }[]) {
	if (needsRecount(segments)) c.executionCtx.waitUntil(refreshWorkspaceCounts(c.env.DB, c.var.principal.workspaceId));
}

export const segmentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Saved segments with their stored counts",
			description: COUNT_NOTE,
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(SegmentSchema), "A page of segments") },
		}),
		async (c) => {
			const result = await listSegments(c.env.DB, c.var.principal.workspaceId, c.req.valid("query"));
			refreshLater(c, result.data);
			return c.json(result, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Save a segment (a rule tree over attributes, tags, events and engagement)",
			request: { body: jsonBody(CreateSegmentBodySchema) },
			responses: { 201: jsonResponse(SegmentSchema, "The segment with its count") },
		}),
		async (c) => {
			const created = await createSegment(c.env.DB, c.var.principal, c.req.valid("json"));
			await auditChange(c, "segment.created", { type: "segment", id: created.id });
			return c.json(created, 201);
		},
	)
	.openapi(
		defineRoute("read", {
			method: "post",
			path: "/preview",
			tags,
			summary: "Count and sample the contacts a definition matches, without saving it",
			description: `At most ${PREVIEW_LIMIT.max} previews a minute per member or API key (then 429 with \`retry-after\`); a definition that does not validate is not counted against it.`,
			request: { body: jsonBody(PreviewSegmentBodySchema) },
			responses: { 200: jsonResponse(SegmentPreviewSchema, "Count and up to 10 contacts") },
		}),
		async (c) => {
			const definition = parseDefinition(c.req.valid("json").definition);
			await assertPreviewAllowed(c.env.DB, c.var.principal);
			return c.json(await previewSegment(c.env.DB, c.var.principal.workspaceId, definition), 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/fields",
			tags,
			summary:
				"What the segment builder can offer: attributes with common values, tags, events with property keys, campaigns",
			description:
				"Read from samples (the newest 500 contacts and 1,000 events), so values and keys are suggestions, not a census.",
			responses: { 200: jsonResponse(SegmentFieldsSchema, "Picker values") },
		}),
		async (c) => c.json(await segmentFields(c.env.DB, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "A segment with its stored count",
			description: COUNT_NOTE,
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(SegmentSchema, "The segment") },
		}),
		async (c) => {
			const segment = await getSegment(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id);
			refreshLater(c, [segment]);
			return c.json(segment, 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}/contacts.csv",
			tags,
			summary: "The segment's contacts now, as CSV (the columns of GET /contacts.csv), streamed",
			request: { params: IdParamSchema },
			responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } } },
		}),
		async (c) => {
			const id = c.req.valid("param").id;
			const stream = await contactsCsv(c.env.DB, c.var.principal.workspaceId, { segment_id: id });
			return c.body(stream, 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": `attachment; filename="segment-${id}.csv"`,
			});
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Rename a segment or change its rules",
			request: { params: IdParamSchema, body: jsonBody(UpdateSegmentBodySchema) },
			responses: { 200: jsonResponse(SegmentSchema, "The segment") },
		}),
		async (c) => {
			const updated = await updateSegment(c.env.DB, c.var.principal, c.req.valid("param").id, c.req.valid("json"));
			await auditChange(c, "segment.updated", { type: "segment", id: updated.id });
			return c.json(updated, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a segment (its contacts are untouched)",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteSegment(c.env.DB, c.var.principal, c.req.valid("param").id);
			await auditChange(c, "segment.deleted", { type: "segment", id: c.req.valid("param").id });
			return c.json({ ok: true as const }, 200);
		},
	);
