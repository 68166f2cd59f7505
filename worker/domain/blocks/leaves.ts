import type { ContentBlock, Theme } from "../../contracts/blocks";
import { cellAttrs, type Defaults, type Resolved, resolveStyle } from "./style";
import { escapeText, escapeUrl, richText } from "./text";

export type LeafContext = {
	theme: Theme;
	/** The width available to the block's cell, padding included (px). */
	width: number;
	/** Where the block is in the document, for error messages (e.g. `blocks.2.columns.0.blocks.1`). */
	path: string;
	issues: { path: string; message: string }[];
};

const TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

const DEFAULTS: Record<ContentBlock["type"], Defaults> = {
	text: {},
	heading: { padding: [16, 24, 8, 24] },
	image: { padding: [8, 24, 8, 24], align: "center" },
	button: { padding: [12, 24, 12, 24], align: "center" },
	divider: { padding: [16, 24, 16, 24] },
	spacer: { padding: [0, 0, 0, 0] },
	social: { padding: [12, 24, 12, 24], align: "center", font_size: 14 },
	footer: { padding: [20, 24, 24, 24], align: "center", font_size: 12, color: "#8a8a99" },
};

const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;

/** One content block as a table row (`<tr><td>…</td></tr>`) of the table it sits in. */
export function renderLeaf(block: ContentBlock, ctx: LeafContext): string {
	const defaults: Defaults =
		block.type === "heading" ? { ...DEFAULTS.heading, font_size: HEADING_SIZES[block.level] } : DEFAULTS[block.type];
	const r = resolveStyle(ctx.theme, defaults, block.style);
	const inner = ctx.width - r.padding[1] - r.padding[3];
	if (block.type === "spacer") {
		const bg = r.background ? ` bgcolor="${r.background}"` : "";
		return `<tr><td height="${block.height}"${bg} style="height:${block.height}px;font-size:0;line-height:0;${r.background ? `background-color:${r.background};` : ""}">&nbsp;</td></tr>\n`;
	}
	return `<tr><td ${cellAttrs(r)}>${content(block, r, inner, ctx)}</td></tr>\n`;
}

function content(block: ContentBlock, r: Resolved, inner: number, ctx: LeafContext): string {
	const { theme } = ctx;
	switch (block.type) {
		case "text":
			return rich(block.text, ctx, `${ctx.path}.text`, Math.round(r.fontSize * 0.75));
		case "heading": {
			const tag = `h${block.level}`;
			return `<${tag} style="margin:0;font-family:${r.font};font-size:${r.fontSize}px;line-height:${Math.round(r.fontSize * 1.25)}px;font-weight:bold;color:${r.color};">${escapeText(block.text)}</${tag}>`;
		}
		case "image": {
			const width = Math.min(block.width ?? inner, inner);
			const margin = r.align === "center" ? "0 auto" : r.align === "right" ? "0 0 0 auto" : "0";
			const img = `<img src="${escapeUrl(block.src)}" alt="${escapeText(block.alt)}" width="${width}" class="pulse-img" style="display:block;width:100%;max-width:${width}px;height:auto;margin:${margin};border:0;outline:none;text-decoration:none;">`;
			return block.href ? `<a href="${escapeUrl(block.href)}" target="_blank">${img}</a>` : img;
		}
		case "button":
			return button(block, r, theme);
		case "divider": {
			const color = block.color ?? "#e4e4ea";
			const t = block.thickness ?? 1;
			return `<table ${TABLE} width="100%"><tr><td style="border-top:${t}px solid ${color};font-size:1px;line-height:1px;">&nbsp;</td></tr></table>`;
		}
		case "social": {
			const links = block.links.map(
				(l) =>
					`<a href="${escapeUrl(l.url)}" style="color:${theme.link_color};font-weight:bold;text-decoration:none;">${NETWORK_LABELS[l.network]}</a>`,
			);
			return links.join(" &nbsp;&middot;&nbsp; ");
		}
		case "spacer":
			return "";
		case "footer": {
			const extra = block.text ? `${rich(block.text, ctx, `${ctx.path}.text`, 8)}<br>` : "";
			const link = `color:${r.color};text-decoration:underline;`;
			return `${extra}{{ workspace.name }}<br>{{ workspace.postal_address }}<br><a href="{{ unsubscribe_url }}" style="${link}">Unsubscribe</a> &middot; <a href="{{ preferences_url }}" style="${link}">Preferences</a>`;
		}
	}
}

const NETWORK_LABELS = {
	website: "Website",
	facebook: "Facebook",
	instagram: "Instagram",
	x: "X",
	linkedin: "LinkedIn",
	youtube: "YouTube",
	tiktok: "TikTok",
} as const;

function rich(text: string, ctx: LeafContext, path: string, gap: number): string {
	const { html, unsafe } = richText(text, { linkColor: ctx.theme.link_color, paragraphGap: gap });
	for (const url of unsafe)
		ctx.issues.push({ path, message: `The link ${url.slice(0, 80)} is not allowed: use http(s):// or mailto:` });
	return html;
}

function button(block: Extract<ContentBlock, { type: "button" }>, r: Resolved, theme: Theme): string {
	const bg = block.button_color ?? theme.brand_color;
	const fg = block.text_color ?? "#ffffff";
	const radius = block.radius ?? 6;
	const width = block.full_width ? ' width="100%"' : "";
	const align = block.full_width ? "" : ` align="${r.align}"`;
	const margin = r.align === "center" ? "margin:0 auto;" : r.align === "right" ? "margin:0 0 0 auto;" : "";
	return `<table ${TABLE}${width}${align} style="${margin}border-collapse:separate;"><tr><td align="center" bgcolor="${bg}" style="border-radius:${radius}px;background-color:${bg};"><a href="${escapeUrl(block.href)}" target="_blank" style="display:${block.full_width ? "block" : "inline-block"};padding:12px 24px;font-family:${r.font};font-size:${r.fontSize}px;line-height:${Math.round(r.fontSize * 1.25)}px;font-weight:bold;color:${fg};text-decoration:none;border-radius:${radius}px;">${escapeText(block.label)}</a></td></tr></table>`;
}
