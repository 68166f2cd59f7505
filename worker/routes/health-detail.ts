import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { HealthDetailSchema } from "../contracts/health";
import { healthDetail } from "../services/health";
import { defineRoute, jsonResponse } from "./define";
import { validationHook } from "./validation";

export const healthDetailRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
	defineRoute("admin", {
		method: "get",
		path: "/health/detail",
		tags: ["Health"],
		summary: "The send pipeline's health for this workspace: queue backlog, dead letters, provider errors, cron",
		responses: { 200: jsonResponse(HealthDetailSchema, "Figures, as structured JSON") },
	}),
	async (c) => c.json(await healthDetail(c.env, c.var.db, c.var.principal.workspaceId), 200),
);
