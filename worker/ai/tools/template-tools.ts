import { z } from "zod";
import { contactForPreview, createTemplate, getTemplate, listTemplates, renderFor } from "../../services/templates";
import { auditTool, ToolError } from "./context";
import { defineTool } from "./define";

/** Enough of a template's source for the model to review it without flooding its context. */
const MAX_TEMPLATE_CHARS = 20_000;
const clip = (text: string) => (text.length > MAX_TEMPLATE_CHARS ? `${text.slice(0, MAX_TEMPLATE_CHARS)}…` : text);

export const templateTools = {
	list_templates: defineTool({
		title: "List templates",
		description: "The workspace's email templates (not archived), newest first: id, name, subject, category.",
		kind: "read",
		input: z.object({
			limit: z.number().int().min(1).max(50).default(20),
			cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
			category: z.string().max(60).optional(),
		}),
		output: z.object({
			templates: z.array(
				z.object({
					id: z.string(),
					name: z.string(),
					subject: z.string(),
					category: z.string().nullable(),
					updated_at: z.string(),
				}),
			),
			next_cursor: z.string().nullable(),
		}),
		run: async (ctx, input) => {
			const page = await listTemplates(ctx.env.DB, ctx.principal.workspaceId, input);
			return {
				templates: page.data.map((t) => ({
					id: t.id,
					name: t.name,
					subject: t.subject,
					category: t.category,
					updated_at: t.updated_at,
				})),
				next_cursor: page.next_cursor,
			};
		},
	}),
	get_template: defineTool({
		title: "Get a template",
		description: "A template's name, subject, preheader and HTML source (Liquid included), to review or improve it.",
		kind: "read",
		input: z.object({ template_id: z.string().max(100) }),
		output: z.object({
			id: z.string(),
			name: z.string(),
			subject: z.string(),
			preheader: z.string().nullable(),
			html: z.string(),
			url: z.string(),
		}),
		run: async (ctx, { template_id }) => {
			const t = await getTemplate(ctx.env.DB, ctx.principal.workspaceId, template_id);
			return {
				id: t.id,
				name: t.name,
				subject: t.subject,
				preheader: t.preheader,
				html: clip(t.html),
				url: `/templates/${t.id}`,
			};
		},
	}),
	preview_template: defineTool({
		title: "Preview a template",
		description:
			"Render a saved template exactly as it would be sent (Liquid filled in, footer and unsubscribe link added) for one contact, or for sample data. Sends nothing.",
		kind: "read",
		input: z.object({
			template_id: z.string().max(100),
			contact_id: z.string().max(100).optional().describe("Render for this contact; sample data when absent"),
		}),
		output: z.object({ subject: z.string(), html: z.string(), text: z.string() }),
		run: async (ctx, input) => {
			if (!ctx.tokenSecret) throw new ToolError("Previews need TOKEN_SECRET to be configured on the server");
			const workspaceId = ctx.principal.workspaceId;
			const template = await getTemplate(ctx.env.DB, workspaceId, input.template_id);
			const contact = await contactForPreview(ctx.env.DB, workspaceId, { contact_id: input.contact_id });
			const env = { d1: ctx.env.DB, secret: ctx.tokenSecret, baseUrl: ctx.baseUrl };
			const rendered = await renderFor(env, workspaceId, template, contact, "preview");
			return { subject: rendered.subject, html: clip(rendered.html), text: clip(rendered.text) };
		},
	}),
	draft_email: defineTool({
		title: "Draft an email (create a template)",
		description:
			'Save an email you wrote as a new template, with subject-line variants to A/B test. Write the copy yourself in the requested tone and language; the HTML may use Liquid such as {{ contact.first_name | default: "there" }}. An unsubscribe link and the postal address are added when missing. Returns the template to preview.',
		kind: "write",
		action: "create templates",
		input: z.object({
			name: z.string().min(1).max(200),
			tone: z.string().min(1).max(40).describe("e.g. friendly, professional, urgent, playful"),
			language: z.string().min(2).max(40).describe("The language the copy is written in, e.g. English, de"),
			subject_variants: z
				.array(z.string().min(1).max(200))
				.min(1)
				.max(5)
				.describe("Two or three subject lines to test; the first becomes the template's subject"),
			preheader: z.string().max(200).optional(),
			html: z.string().min(1).max(100_000).describe("The email body as HTML"),
		}),
		output: z.object({
			template: z.object({ id: z.string(), name: z.string(), subject: z.string(), preheader: z.string().nullable() }),
			subject_variants: z.array(z.string()),
			tone: z.string(),
			language: z.string(),
			url: z.string(),
		}),
		run: async (ctx, input) => {
			const template = await createTemplate(ctx.env.DB, ctx.principal, {
				name: input.name,
				subject: input.subject_variants[0] ?? input.name,
				preheader: input.preheader ?? null,
				html: input.html,
			});
			await auditTool(ctx, "template.created", { type: "template", id: template.id });
			return {
				template: { id: template.id, name: template.name, subject: template.subject, preheader: template.preheader },
				subject_variants: input.subject_variants,
				tone: input.tone,
				language: input.language,
				url: `/templates/${template.id}`,
			};
		},
	}),
};
