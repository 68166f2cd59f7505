import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import {
	LIST_MEMBERS_MAX,
	ListInputSchema,
	ListMembersBodySchema,
	ListMembersResultSchema,
	ListPatchSchema,
	ListQuerySchema,
	ListSchema,
} from "../contracts/lists";
import { clientIp } from "../middleware/auth";
import { changeMembers, createList, deleteList, getList, listLists, updateList } from "../services/lists";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Lists"];

const ABOUT =
	'A static list is a named set of contacts, added and removed by hand (or by the bulk action `add_to_list`), unlike a segment, which is a rule. `GET /contacts?list_id=` shows its contacts; the segment rule `{"list": "<list id>"}` lets a campaign or a journey target it. Erasing a contact takes it off every list.';

const by = (c: Context<AppEnv>) => ({ actor: c.var.principal, ip: clientIp(c) });

export const listRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary:
				"The workspace's static lists (or the lists a contact is on, or those named like `q`), newest first, each with its count",
			description: ABOUT,
			request: { query: ListQuerySchema },
			responses: { 200: jsonResponse(page(ListSchema), "A page of lists") },
		}),
		async (c) => c.json(await listLists(c.var.db, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Create a static list (names are unique in a workspace: 409 otherwise)",
			description: ABOUT,
			request: { body: jsonBody(ListInputSchema) },
			responses: { 201: jsonResponse(ListSchema, "The new list") },
		}),
		async (c) => c.json(await createList(c.var.db, by(c), c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "One list with its count",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(ListSchema, "The list") },
		}),
		async (c) => c.json(await getList(c.var.db, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Rename a list or change its description",
			request: { params: IdParamSchema, body: jsonBody(ListPatchSchema) },
			responses: { 200: jsonResponse(ListSchema, "The list") },
		}),
		async (c) => c.json(await updateList(c.var.db, by(c), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a list: its contacts stay contacts, and segments on it match nobody",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteList(c.var.db, by(c), c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/{id}/members",
			tags,
			summary: `Add up to ${LIST_MEMBERS_MAX} contacts to a list`,
			description:
				"Contacts already on the list stay as they were; ids that are not contacts of this workspace are listed in `not_found` and change nothing.",
			request: { params: IdParamSchema, body: jsonBody(ListMembersBodySchema) },
			responses: { 200: jsonResponse(ListMembersResultSchema, "How many were added, and the list's count") },
		}),
		async (c) => {
			const { contact_ids } = c.req.valid("json");
			return c.json(await changeMembers(c.var.db, by(c), c.req.valid("param").id, contact_ids, "add"), 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}/members",
			tags,
			summary: `Take up to ${LIST_MEMBERS_MAX} contacts off a list (the contacts themselves stay)`,
			request: { params: IdParamSchema, body: jsonBody(ListMembersBodySchema) },
			responses: { 200: jsonResponse(ListMembersResultSchema, "How many were removed, and the list's count") },
		}),
		async (c) => {
			const { contact_ids } = c.req.valid("json");
			return c.json(await changeMembers(c.var.db, by(c), c.req.valid("param").id, contact_ids, "remove"), 200);
		},
	);
