import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import {
	CreateSegmentBodySchema,
	PreviewSegmentBodySchema,
	SegmentPreviewSchema,
	SegmentSchema,
	UpdateSegmentBodySchema,
} from "../contracts/segment-api";
import {
	createSegment,
	deleteSegment,
	getSegment,
	listSegments,
	parseDefinition,
	previewSegment,
	updateSegment,
} from "../services/segments";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Segments"];

export const segmentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Saved segments with their current counts",
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(SegmentSchema), "A page of segments") },
		}),
		async (c) => c.json(await listSegments(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
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
		async (c) => c.json(await createSegment(c.env.DB, c.var.principal, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("read", {
			method: "post",
			path: "/preview",
			tags,
			summary: "Count and sample the contacts a definition matches, without saving it",
			request: { body: jsonBody(PreviewSegmentBodySchema) },
			responses: { 200: jsonResponse(SegmentPreviewSchema, "Count and up to 10 contacts") },
		}),
		async (c) => {
			const definition = parseDefinition(c.req.valid("json").definition);
			return c.json(await previewSegment(c.env.DB, c.var.principal.workspaceId, definition), 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "A segment with its current count",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(SegmentSchema, "The segment") },
		}),
		async (c) => c.json(await getSegment(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200),
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
		async (c) =>
			c.json(await updateSegment(c.env.DB, c.var.principal, c.req.valid("param").id, c.req.valid("json")), 200),
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
			return c.json({ ok: true as const }, 200);
		},
	);
