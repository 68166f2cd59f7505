import { z } from "@hono/zod-openapi";
import { EmailSchema } from "./auth";
import { BlockDocumentSchema, BlockSchema } from "./blocks";
import { PageQuerySchema } from "./common";
import { AttributesSchema } from "./contacts";

const Subject = z.string().trim().min(1, "Write a subject").max(998);

export const EditorSchema = z.enum(["html", "blocks"]).openapi({
	description:
		"`blocks`: the template is edited as `blocks` and `html` is compiled from them; `html`: the HTML is the source",
});

const TemplateFieldsSchema = z
	.object({
		name: z.string().trim().min(1, "Name the template").max(200),
		subject: Subject,
		preheader: z.string().max(500).nullable().optional(),
		html: z
			.string()
			.min(1, "Write the email's HTML")
			.max(500_000)
			.optional()
			.openapi({ description: "Required unless `blocks` is given (block templates compile it)" }),
		text: z.string().max(200_000).nullable().optional().openapi({ description: "Derived from the HTML when absent" }),
		editor: EditorSchema.optional().openapi({
			description:
				'Inferred from the body when absent. PATCH `{"editor":"html"}` switches a block template to HTML, keeping its compiled HTML as the new source; switching to blocks needs `blocks`',
		}),
		blocks: BlockDocumentSchema.optional(),
		category: z
			.string()
			.trim()
			.min(1)
			.max(60)
			.nullable()
			.optional()
			.openapi({ description: "The library shelf (newsletter, promo, ...); null = uncategorised" }),
		archived: z.boolean().optional().openapi({ description: "Archived templates leave the everyday library" }),
	})
	.strict();

const oneSource = (v: { html?: string; blocks?: unknown }, ctx: z.RefinementCtx, required: boolean) => {
	if (v.html !== undefined && v.blocks !== undefined)
		ctx.addIssue({ code: "custom", path: ["html"], message: "Send either html or blocks, not both" });
	if (required && v.html === undefined && v.blocks === undefined)
		ctx.addIssue({ code: "custom", path: ["html"], message: "Write the email's HTML (or send blocks)" });
};

export const TemplateInputSchema = TemplateFieldsSchema.superRefine((v, ctx) => oneSource(v, ctx, true)).openapi(
	"TemplateInput",
);

export const TemplatePatchSchema = TemplateFieldsSchema.partial()
	.strict()
	.superRefine((v, ctx) => oneSource(v, ctx, false))
	.openapi("TemplatePatch");

export const TemplateSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		subject: z.string(),
		preheader: z.string().nullable(),
		html: z.string(),
		text: z.string().nullable(),
		editor: EditorSchema,
		blocks: BlockDocumentSchema.nullable(),
		category: z.string().nullable(),
		archived: z.boolean(),
		created_at: z.string(),
		updated_at: z.string(),
	})
	.openapi("Template");

/** `GET /templates`: the library by shelf; archived templates only when asked. */
export const TemplateListQuerySchema = PageQuerySchema.extend({
	category: z.string().max(60).optional(),
	archived: z
		.enum(["true", "false"])
		.optional()
		.openapi({ description: "`true`: only archived templates; absent or `false`: only those in use" }),
});

export const TemplateCategoriesSchema = z
	.object({
		data: z.array(
			z.object({
				category: z.string().nullable().openapi({ description: "null: templates without a category" }),
				templates: z.number().int().openapi({ description: "Templates in use on this shelf" }),
				archived: z.number().int().openapi({ description: "Archived templates of this category" }),
			}),
		),
	})
	.openapi("TemplateCategories");

export const StarterTemplateSchema = z
	.object({
		key: z.string(),
		name: z.string(),
		description: z.string(),
		subject: z.string(),
		preheader: z.string(),
		html: z.string(),
		editor: EditorSchema,
		blocks: BlockDocumentSchema,
	})
	.openapi("StarterTemplate");

/** Who a preview is rendered for: a contact of the workspace, or sample data. */
export const PreviewAsSchema = z
	.object({
		contact_id: z.string().max(64).optional(),
		contact: z
			.object({
				email: z.string().max(320).optional(),
				first_name: z.string().max(200).nullable().optional(),
				last_name: z.string().max(200).nullable().optional(),
				attributes: AttributesSchema.optional(),
			})
			.strict()
			.optional(),
	})
	.strict()
	.openapi("PreviewAs");

export const RenderBodySchema = PreviewAsSchema.extend({
	template: TemplateFieldsSchema.omit({ name: true, editor: true })
		.extend({ subject: z.string().max(998) })
		.superRefine((v, ctx) => oneSource(v, ctx, true)),
})
	.strict()
	.openapi("RenderBody");

export const RenderedSchema = z
	.object({ subject: z.string(), html: z.string(), text: z.string(), headers: z.record(z.string(), z.string()) })
	.openapi("RenderedEmail");

export const TestSendBodySchema = PreviewAsSchema.extend({
	to: z.array(EmailSchema).min(1, "Add at least one address").max(5, "Send a test to at most 5 addresses"),
})
	.strict()
	.openapi("TestSendBody");

export const TestSendResultSchema = z
	.object({ sent: z.number().int(), provider: z.enum(["resend", "capture"]), outbox_ids: z.array(z.string()) })
	.openapi("TestSendResult");

export const OutboxMessageSchema = z
	.object({
		id: z.string(),
		campaign_id: z.string().nullable(),
		message_id: z.string().nullable(),
		to: z.string(),
		from: z.string(),
		reply_to: z.string().nullable(),
		subject: z.string(),
		html: z.string(),
		text: z.string(),
		headers: z.record(z.string(), z.string()),
		created_at: z.string(),
		preview_html: z.string().optional().openapi({
			description:
				"(single message only) The HTML made safe to view in the dashboard: no open pixel, links pointing straight at their destinations, unsubscribe disabled; viewing it records nothing",
		}),
	})
	.openapi("OutboxMessage");

export const OutboxQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(500).default(50),
	cursor: z.string().max(200).optional(),
	campaign_id: z.string().max(64).optional(),
});

export const SavedBlockInputSchema = z
	.object({ name: z.string().trim().min(1, "Name the block").max(120), block: BlockSchema })
	.strict()
	.openapi("SavedBlockInput");

export const SavedBlockSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		block: BlockSchema,
		created_by: z.string().nullable(),
		created_at: z.string(),
	})
	.openapi("SavedBlock");
