import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import { SavedSearchInputSchema, SavedSearchSchema, SearchQuerySchema, SearchResultSchema } from "../contracts/search";
import { listSavedSearches, removeSavedSearch, saveSearch, search } from "../services/search";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Search"];

export const searchRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/search",
			tags,
			summary: "One search across campaigns, journeys, templates, segments and contacts, with type and status facets",
			request: { query: SearchQuerySchema },
			responses: { 200: jsonResponse(SearchResultSchema, "The newest matches of each type, and the facets") },
		}),
		async (c) => c.json(await search(c.var.db, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("self", {
			method: "get",
			path: "/saved-searches",
			tags,
			summary: "The caller's saved searches",
			responses: { 200: jsonResponse(page(SavedSearchSchema), "Newest first, all on one page") },
		}),
		async (c) => c.json(await listSavedSearches(c.var.db, c.var.principal), 200),
	)
	.openapi(
		defineRoute("self", {
			method: "post",
			path: "/saved-searches",
			tags,
			summary: "Save a search under a name (for the caller only)",
			request: { body: jsonBody(SavedSearchInputSchema) },
			responses: { 201: jsonResponse(SavedSearchSchema, "Saved") },
		}),
		async (c) => c.json(await saveSearch(c.var.db, c.var.principal, c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("self", {
			method: "delete",
			path: "/saved-searches/{id}",
			tags,
			summary: "Delete one of the caller's saved searches",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await removeSavedSearch(c.var.db, c.var.principal, c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	);
