import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { BulkBodySchema, BulkResultSchema } from "../contracts/bulk";
import { clientIp } from "../middleware/auth";
import { runBulk } from "../services/bulk";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

export const bulkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
	defineRoute("editor", {
		method: "post",
		path: "/bulk",
		tags: ["Bulk actions"],
		summary:
			"One action on up to 500 campaigns, contacts or templates (by id or by the list's filters); each item's result reported",
		description:
			'Each item goes through the same rules as its own route (lifecycle, workspace, audit): a failing item is reported with its error, audited as `bulk.refused`, and never stops or half-applies the others. With `filter` instead of `ids`, the items are every row the resource\'s list route shows with those filters ("select all matching"), resolved when the call runs; more than 500 is 422 and nothing is applied.',
		request: { body: jsonBody(BulkBodySchema) },
		responses: { 200: jsonResponse(BulkResultSchema, "One result per id, in the order given") },
	}),
	async (c) => {
		const caller = { env: c.env, actor: c.var.principal, ip: clientIp(c), url: c.req.url };
		return c.json(await runBulk(caller, c.req.valid("json")), 200);
	},
);
