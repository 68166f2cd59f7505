import type { BlockDocument, Column, ContentBlock, SectionBlock, Theme } from "../../contracts/blocks";
import { renderLeaf } from "./leaves";
import { cellStyle, px, resolveStyle } from "./style";
import { escapeUrl } from "./text";

export type BlockIssue = { path: string; message: string };

/** A block document that cannot be compiled (an unsafe link in rich text): each issue names the block field. */
export class BlockError extends Error {
	constructor(readonly issues: BlockIssue[]) {
		super(issues.map((i) => `${i.path}: ${i.message}`).join("; "));
		this.name = "BlockError";
	}
}

const TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

/**
 * Compiles a block document to the email's HTML: nested tables with inline styles (no flex, no grid), a fixed
 * width in Outlook (MSO conditional tables) and fluid elsewhere, columns side by side on desktop that stack
 * on phones (inline-block columns plus a media query). User text is escaped; Liquid passes through untouched
 * and renders at send time like any template.
 */
export function compileBlocks(doc: BlockDocument): string {
	const { theme } = doc;
	const issues: BlockIssue[] = [];
	const rows = doc.blocks.map((block, i) =>
		block.type === "section"
			? section(block, theme, `blocks.${i}`, issues)
			: renderLeaf(block, { theme, width: theme.width, path: `blocks.${i}`, issues }),
	);
	if (issues.length) throw new BlockError(issues);
	return shell(theme, `${logo(theme)}${rows.join("")}`);
}

function logo(theme: Theme): string {
	if (!theme.logo_url) return "";
	const width = theme.logo_width ?? 160;
	return `<tr><td align="center" style="padding:24px 24px 8px;"><img src="${escapeUrl(theme.logo_url)}" alt="{{ workspace.name }}" width="${width}" style="display:block;width:100%;max-width:${width}px;height:auto;margin:0 auto;border:0;"></td></tr>\n`;
}

/** Column widths in px: the given percentages, the rest shared equally, rounded to fill the width exactly. */
export function columnWidths(columns: Column[], width: number): number[] {
	const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
	const open = columns.filter((c) => !c.width).length;
	const share = open ? Math.max(0, 100 - fixed) / open : 0;
	const percents = columns.map((c) => c.width ?? share);
	const total = percents.reduce((a, b) => a + b, 0) || 1;
	const px = percents.map((p) => Math.floor((width * p) / total));
	const last = px.length - 1;
	px[last] = (px[last] ?? 0) + width - px.reduce((a, b) => a + b, 0);
	return px;
}

function section(block: SectionBlock, theme: Theme, path: string, issues: BlockIssue[]): string {
	const r = resolveStyle(theme, { padding: [8, 12, 8, 12] }, block.style);
	const inner = theme.width - r.padding[1] - r.padding[3];
	const widths = columnWidths(block.columns, inner);
	const bg = r.background ? ` bgcolor="${r.background}"` : "";
	const cellBg = r.background ? `background-color:${r.background};` : "";
	const cols = block.columns.map((column, i) => {
		const w = widths[i] ?? inner;
		const msoCell = `<td width="${w}" valign="top" style="width:${w}px;">`;
		const open =
			i === 0
				? `<!--[if mso]><table ${TABLE} width="${inner}"><tr>${msoCell}<![endif]-->`
				: `<!--[if mso]></td>${msoCell}<![endif]-->`;
		const leaves = column.blocks.map((leaf: ContentBlock, j) =>
			renderLeaf(leaf, { theme, width: w, path: `${path}.columns.${i}.blocks.${j}`, issues }),
		);
		return `${open}\n<div class="pulse-col" style="display:inline-block;vertical-align:top;width:100%;max-width:${w}px;">\n<table ${TABLE} width="100%">\n${leaves.join("")}</table>\n</div>\n`;
	});
	return `<tr><td${bg} style="padding:${px(r.padding)};${cellBg}font-size:0;text-align:center;">\n${cols.join("")}<!--[if mso]></td></tr></table><![endif]-->\n</td></tr>\n`;
}

/** Columns stack as soon as the email is narrower than its width (a 600 px email in a 600 px pane keeps them). */
function shell(theme: Theme, rows: string): string {
	const body = resolveStyle(theme, {}, undefined);
	return `<!doctype html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light only">
<title>{{ workspace.name }}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
<style>body{margin:0;padding:0;width:100%;-webkit-text-size-adjust:100%;} table{border-collapse:collapse;} img{border:0;line-height:100%;outline:none;text-decoration:none;}
@media only screen and (max-width:${theme.width - 1}px){.pulse-container{width:100%!important;max-width:100%!important;} .pulse-col{display:block!important;width:100%!important;max-width:100%!important;} .pulse-img{width:100%!important;height:auto!important;}}</style>
</head>
<body style="margin:0;padding:0;background-color:${theme.background};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${theme.background}" style="background-color:${theme.background};">
<tr><td align="center" style="padding:24px 0;">
<!--[if mso]><table ${TABLE} width="${theme.width}" align="center"><tr><td><![endif]-->
<table ${TABLE} class="pulse-container" width="${theme.width}" bgcolor="${theme.content_background}" style="width:100%;max-width:${theme.width}px;background-color:${theme.content_background};${cellStyle({ ...body, padding: [0, 0, 0, 0] })};">
${rows}</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
