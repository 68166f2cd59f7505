import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { publicBaseUrl, tokenSecret } from "../config";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import {
	PreviewAsSchema,
	RenderBodySchema,
	RenderedSchema,
	StarterTemplateSchema,
	TemplateCategoriesSchema,
	TemplateInputSchema,
	TemplateListQuerySchema,
	TemplatePatchSchema,
	TemplateSchema,
	TestSendBodySchema,
	TestSendResultSchema,
} from "../contracts/templates";
import { STARTER_TEMPLATES } from "../domain/blocks/starters";
import { providerOutsideQueue } from "../queue/sends-consumer";
import { checkBlockLiquid, compileOrRefuse } from "../services/template-source";
import {
	contactForPreview,
	createTemplate,
	deleteTemplate,
	getTemplate,
	listTemplateCategories,
	listTemplates,
	renderFor,
	updateTemplate,
} from "../services/templates";
import { sendTest } from "../services/test-send";
import { auditChange } from "./audit-change";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Templates"];
const renderEnv = (c: Context<AppEnv>) => ({
	d1: c.env.DB,
	secret: tokenSecret(c.env),
	baseUrl: publicBaseUrl(c.env, c.req.url),
});

export const templateRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "Templates, newest first: by category, archived ones only with `archived=true`",
			request: { query: TemplateListQuerySchema },
			responses: { 200: jsonResponse(page(TemplateSchema), "A page of templates") },
		}),
		async (c) => c.json(await listTemplates(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/categories",
			tags,
			summary: "The library's categories, each with its templates in use and archived (null: uncategorised)",
			responses: { 200: jsonResponse(TemplateCategoriesSchema, "The categories, by name") },
		}),
		async (c) => c.json(await listTemplateCategories(c.var.db, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/starters",
			tags,
			summary: "Built-in starter templates (newsletter, announcement, plain letter), as block documents",
			responses: { 200: jsonResponse(z.object({ data: z.array(StarterTemplateSchema) }), "The starters") },
		}),
		(c) => c.json({ data: STARTER_TEMPLATES }, 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Create a template; one that does not parse is 422 with the line and column",
			request: { body: jsonBody(TemplateInputSchema) },
			responses: { 201: jsonResponse(TemplateSchema, "The template") },
		}),
		async (c) => {
			const created = await createTemplate(c.env.DB, c.var.principal, c.req.valid("json"));
			await auditChange(c, "template.created", { type: "template", id: created.id });
			return c.json(created, 201);
		},
	)
	.openapi(
		defineRoute("read", {
			method: "post",
			path: "/render",
			tags,
			summary: "Render unsaved template source exactly as it would be sent (for live previews)",
			request: { body: jsonBody(RenderBodySchema) },
			responses: { 200: jsonResponse(RenderedSchema, "Subject, HTML, text and headers") },
		}),
		async (c) => {
			const { template, ...as } = c.req.valid("json");
			const source = { ...template, html: template.blocks ? compileOrRefuse(template.blocks) : (template.html ?? "") };
			if (template.blocks) checkBlockLiquid(source.html, template.blocks, "template.blocks");
			const contact = await contactForPreview(c.env.DB, c.var.principal.workspaceId, as);
			return c.json(await renderFor(renderEnv(c), c.var.principal.workspaceId, source, contact, "preview"), 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/{id}",
			tags,
			summary: "A template",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(TemplateSchema, "The template") },
		}),
		async (c) => c.json(await getTemplate(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/{id}",
			tags,
			summary: "Change a template",
			request: { params: IdParamSchema, body: jsonBody(TemplatePatchSchema) },
			responses: { 200: jsonResponse(TemplateSchema, "The template") },
		}),
		async (c) => {
			const updated = await updateTemplate(c.env.DB, c.var.principal, c.req.valid("param").id, c.req.valid("json"));
			await auditChange(c, "template.updated", { type: "template", id: updated.id });
			return c.json(updated, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a template",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			await deleteTemplate(c.env.DB, c.var.principal, c.req.valid("param").id);
			await auditChange(c, "template.deleted", { type: "template", id: c.req.valid("param").id });
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("read", {
			method: "post",
			path: "/{id}/preview",
			tags,
			summary: "Render a saved template for a contact (or sample data) exactly as it would be sent",
			request: { params: IdParamSchema, body: jsonBody(PreviewAsSchema) },
			responses: { 200: jsonResponse(RenderedSchema, "Subject, HTML, text and headers") },
		}),
		async (c) => {
			const workspaceId = c.var.principal.workspaceId;
			const template = await getTemplate(c.env.DB, workspaceId, c.req.valid("param").id);
			const contact = await contactForPreview(c.env.DB, workspaceId, c.req.valid("json"));
			return c.json(await renderFor(renderEnv(c), workspaceId, template, contact, "preview"), 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/{id}/test-send",
			tags,
			summary: "Send a test to up to 5 addresses through the configured provider (the Outbox without Resend)",
			request: { params: IdParamSchema, body: jsonBody(TestSendBodySchema) },
			responses: { 200: jsonResponse(TestSendResultSchema, "Sent") },
		}),
		async (c) => {
			// Test sends take the workspace's provider slots and gate, like every chunk.
			const env = { ...renderEnv(c), provider: await providerOutsideQueue(c.env, c.var.principal.workspaceId) };
			return c.json(await sendTest(env, c.var.principal, c.req.valid("param").id, c.req.valid("json")), 200);
		},
	);
