import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, PageQuerySchema, page } from "../contracts/common";
import { SavedBlockInputSchema, SavedBlockSchema } from "../contracts/templates";
import { createSavedBlock, deleteSavedBlock, listSavedBlocks } from "../services/saved-blocks";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Templates"];

/** Blocks saved to reuse in any block template of the workspace. */
export const savedBlockRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Saved blocks, newest first",
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(SavedBlockSchema), "A page of saved blocks") },
		}),
		async (c) => c.json(await listSavedBlocks(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Save a block (a content block or a section) to reuse in block templates",
			request: { body: jsonBody(SavedBlockInputSchema) },
			responses: { 201: jsonResponse(SavedBlockSchema, "The saved block") },
		}),
		async (c) => c.json(await createSavedBlock(c.env.DB, c.var.principal, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a saved block (templates that used it keep their copy)",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteSavedBlock(c.env.DB, c.var.principal, c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	);
