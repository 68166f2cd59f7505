import { z } from "@hono/zod-openapi";

/**
 * A block template: a theme and an ordered list of blocks. A `section` holds 1 to 4 columns, each an
 * ordered list of content blocks; a content block at the top level spans the full width. Every colour,
 * size and font is validated here, so the compiler can put them in inline styles as they are.
 */
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "A colour is #rrggbb");
const BlockId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Block ids are 1-40 letters, digits, - or _");

export const FONTS = {
	arial: "Arial, Helvetica, sans-serif",
	helvetica: "'Helvetica Neue', Helvetica, Arial, sans-serif",
	verdana: "Verdana, Geneva, sans-serif",
	trebuchet: "'Trebuchet MS', Tahoma, sans-serif",
	georgia: "Georgia, 'Times New Roman', serif",
	times: "'Times New Roman', Times, serif",
	courier: "'Courier New', Courier, monospace",
} as const;
export const FontSchema = z.enum(Object.keys(FONTS) as [keyof typeof FONTS, ...(keyof typeof FONTS)[]]);
export type FontKey = z.infer<typeof FontSchema>;

/**
 * Liquid that would write unescaped HTML (`{% raw %}`, the `raw` filter). HTML templates may; a block's text
 * may not, so every character a block puts in an email is escaped.
 */
export function writesRawHtml(text: string): boolean {
	const tags = text.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? [];
	return tags.some((tag) => /^\{%-?\s*raw\b/.test(tag) || /\|\s*raw\b/.test(tag));
}
const NO_RAW = "Blocks cannot write raw HTML (the raw tag or filter); use an HTML template for that";
const BlockText = (max: number) =>
	z
		.string()
		.max(max)
		.refine((s) => !writesRawHtml(s), NO_RAW);

/** http(s) or mailto; `{{ ... }}` outputs may appear inside (they render at send time), `{% ... %}` tags may not. */
export function isSafeUrl(url: string): boolean {
	if (url.includes("{%") || writesRawHtml(url)) return false;
	const bare = url.trim().replace(/\{\{[\s\S]*?\}\}/g, "x");
	return /^(https?:\/\/[^\s"'<>`]+|mailto:[^\s"'<>`]+)$/i.test(bare);
}

export const UrlSchema = z.string().trim().max(2000).refine(isSafeUrl, "Use an http(s):// or mailto: link");

const Side = z.number().int().min(0).max(120);
export const BlockStyleSchema = z
	.object({
		padding: z.tuple([Side, Side, Side, Side]).optional().openapi({ description: "top, right, bottom, left (px)" }),
		background: Color.nullable().optional(),
		color: Color.optional(),
		font: FontSchema.optional(),
		font_size: z.number().int().min(8).max(72).optional(),
		align: z.enum(["left", "center", "right"]).optional(),
	})
	.strict();
export type BlockStyle = z.infer<typeof BlockStyleSchema>;

/** Limited rich text: **bold**, *italic*, [label](https://link), line breaks; Liquid passes through. */
const RichText = BlockText(20_000);

const base = { id: BlockId, style: BlockStyleSchema.optional() };
export const TextBlockSchema = z.object({ ...base, type: z.literal("text"), text: RichText }).strict();
export const HeadingBlockSchema = z
	.object({
		...base,
		type: z.literal("heading"),
		text: BlockText(500),
		level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
	})
	.strict();
export const ImageBlockSchema = z
	.object({
		...base,
		type: z.literal("image"),
		src: UrlSchema,
		alt: BlockText(300).default(""),
		href: UrlSchema.nullable().optional(),
		width: z.number().int().min(16).max(800).nullable().optional().openapi({ description: "px; empty = full width" }),
	})
	.strict();
export const ButtonBlockSchema = z
	.object({
		...base,
		type: z.literal("button"),
		label: z
			.string()
			.trim()
			.min(1, "Write the button's label")
			.max(200)
			.refine((s) => !writesRawHtml(s), NO_RAW),
		href: UrlSchema,
		button_color: Color.optional(),
		text_color: Color.optional(),
		radius: z.number().int().min(0).max(40).optional(),
		full_width: z.boolean().optional(),
	})
	.strict();
export const DividerBlockSchema = z
	.object({
		...base,
		type: z.literal("divider"),
		color: Color.optional(),
		thickness: z.number().int().min(1).max(10).optional(),
	})
	.strict();
export const SpacerBlockSchema = z
	.object({ ...base, type: z.literal("spacer"), height: z.number().int().min(4).max(200) })
	.strict();
export const SOCIAL_NETWORKS = ["website", "facebook", "instagram", "x", "linkedin", "youtube", "tiktok"] as const;
export const SocialBlockSchema = z
	.object({
		...base,
		type: z.literal("social"),
		links: z.array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: UrlSchema }).strict()).max(8),
	})
	.strict();
export const FooterBlockSchema = z
	.object({
		...base,
		type: z.literal("footer"),
		text: RichText.optional().openapi({ description: "Extra lines above the address and unsubscribe link" }),
	})
	.strict();

export const ContentBlockSchema = z
	.discriminatedUnion("type", [
		TextBlockSchema,
		HeadingBlockSchema,
		ImageBlockSchema,
		ButtonBlockSchema,
		DividerBlockSchema,
		SpacerBlockSchema,
		SocialBlockSchema,
		FooterBlockSchema,
	])
	.openapi("ContentBlock");
export type ContentBlock = z.infer<typeof ContentBlockSchema>;

export const ColumnSchema = z
	.object({
		id: BlockId,
		blocks: z.array(ContentBlockSchema).max(50),
		width: z
			.number()
			.int()
			.min(10)
			.max(90)
			.nullable()
			.optional()
			.openapi({ description: "percent; empty = equal share" }),
	})
	.strict();
export type Column = z.infer<typeof ColumnSchema>;

export const SectionBlockSchema = z
	.object({ ...base, type: z.literal("section"), columns: z.array(ColumnSchema).min(1).max(4) })
	.strict()
	.openapi("SectionBlock");
export type SectionBlock = z.infer<typeof SectionBlockSchema>;

export const BlockSchema = z.union([SectionBlockSchema, ContentBlockSchema]).openapi("Block");
export type Block = z.infer<typeof BlockSchema>;
export type BlockType = Block["type"];

export const ThemeSchema = z
	.object({
		brand_color: Color.default("#6d5dfc"),
		text_color: Color.default("#1c1c28"),
		link_color: Color.default("#6d5dfc"),
		background: Color.default("#f4f4f7"),
		content_background: Color.default("#ffffff"),
		font: FontSchema.default("arial"),
		font_size: z.number().int().min(10).max(24).default(16),
		width: z.number().int().min(480).max(800).default(600),
		logo_url: UrlSchema.nullable().optional(),
		logo_width: z.number().int().min(24).max(600).nullable().optional(),
	})
	.strict()
	.openapi("BlockTheme");
export type Theme = z.infer<typeof ThemeSchema>;

export const BlockDocumentSchema = z
	.object({
		version: z.literal(1).default(1),
		theme: ThemeSchema.default(ThemeSchema.parse({})),
		blocks: z.array(BlockSchema).max(100),
	})
	.strict()
	.openapi("BlockDocument");
export type BlockDocument = z.infer<typeof BlockDocumentSchema>;
export type BlockDocumentInput = z.input<typeof BlockDocumentSchema>;
