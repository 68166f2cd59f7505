import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { AlertRuleInputSchema, AlertRuleListSchema, AlertRulePatchSchema, AlertRuleSchema } from "../contracts/alerts";
import { IdParamSchema, OkSchema } from "../contracts/common";
import { clientIp } from "../middleware/auth";
import { createAlertRule, deleteAlertRule, listAlertRules, updateAlertRule } from "../services/alerts";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Health"];
const write = (c: Context<AppEnv>) => ({ actor: c.var.principal, ip: clientIp(c) });

/** Alert rules: thresholds on the health figures; the cron notifies the owners once per breach. */
export const alertRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("admin", {
			method: "get",
			path: "/",
			tags,
			summary: "The workspace's alert rules, each with when its current breach began (or null)",
			responses: { 200: jsonResponse(AlertRuleListSchema, "The rules") },
		}),
		async (c) => c.json(await listAlertRules(c.var.db, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "post",
			path: "/",
			tags,
			summary: "A new alert rule: when a health figure reaches the threshold, the owners are notified once",
			description:
				"Checked every five minutes by the cron. A rule fires once per breach and re-arms when the figure falls back under its threshold.",
			request: { body: jsonBody(AlertRuleInputSchema) },
			responses: { 201: jsonResponse(AlertRuleSchema, "The rule") },
		}),
		async (c) => c.json(await createAlertRule(c.var.db, write(c), c.req.valid("json")), 201),
	)
	.openapi(
		defineRoute("admin", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Rename, change the threshold, enable or disable a rule (it starts armed again)",
			request: { params: IdParamSchema, body: jsonBody(AlertRulePatchSchema) },
			responses: { 200: jsonResponse(AlertRuleSchema, "The rule") },
		}),
		async (c) => c.json(await updateAlertRule(c.var.db, write(c), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete an alert rule",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteAlertRule(c.var.db, write(c), c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	);
