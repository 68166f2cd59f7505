import { isSafeUrl } from "../../contracts/blocks";
import { escapeHtml } from "../templates/html";

/**
 * User text inside a block: HTML-escaped, except Liquid (`{{ ... }}`, `{% ... %}`), which passes through
 * verbatim so it renders at send time (and Liquid escapes the values it outputs).
 */
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const OPEN = "\uE000";
const CLOSE = "\uE001";
const SLOT = /\uE000(\d+)\uE001/g;

type Protected = { text: string; restore: (s: string) => string };

/** Swaps each Liquid tag for a placeholder that escaping and markup leave alone. */
function protectLiquid(input: string): Protected {
	const found: string[] = [];
	const text = input.replace(/[\uE000\uE001]/g, "").replace(LIQUID, (tag) => `${OPEN}${found.push(tag) - 1}${CLOSE}`);
	const restore = (s: string) => s.replace(SLOT, (_, i: string) => found[Number(i)] ?? "");
	return { text, restore };
}

/** Plain text (headings, labels, alt text): escaped, Liquid kept. */
export function escapeText(input: string): string {
	const { text, restore } = protectLiquid(input);
	return restore(escapeHtml(text));
}

/** A URL for an href/src attribute: already validated as http(s)/mailto; `&` and quotes escaped, Liquid kept. */
export const escapeUrl = escapeText;

const decodeEntities = (s: string) =>
	s
		.replaceAll("&quot;", '"')
		.replaceAll("&#39;", "'")
		.replaceAll("&lt;", "<")
		.replaceAll("&gt;", ">")
		.replaceAll("&amp;", "&");

export type RichTextOptions = { linkColor: string; paragraphGap: number };

/**
 * Limited rich text to HTML: `**bold**`, `*italic*`, `[label](https://url)`, a line break per newline and a
 * paragraph per blank line. Everything else is text. Returns the HTML and the links that are not allowed.
 */
export function richText(input: string, options: RichTextOptions): { html: string; unsafe: string[] } {
	const { text, restore } = protectLiquid(input.replace(/\r\n?/g, "\n"));
	const unsafe: string[] = [];
	const links: string[] = [];
	let html = escapeHtml(text).replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) => {
		const url = restore(decodeEntities(href));
		if (!isSafeUrl(url)) {
			unsafe.push(url);
			return whole;
		}
		const a = `<a href="${escapeUrl(url)}" style="color:${options.linkColor};text-decoration:underline;">${inline(label)}</a>`;
		return `${OPEN}L${links.push(a) - 1}${CLOSE}`;
	});
	html = inline(html);
	const paragraphs = html
		.split(/\n[ \t]*\n+/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
	html = paragraphs
		.map((p, i) => {
			const margin = i === paragraphs.length - 1 ? 0 : options.paragraphGap;
			return `<p style="margin:0 0 ${margin}px;">${p.replace(/\n/g, "<br>")}</p>`;
		})
		.join("");
	html = html.replace(/\uE000L(\d+)\uE001/g, (_, i: string) => links[Number(i)] ?? "");
	return { html: restore(html), unsafe };
}

function inline(escaped: string): string {
	return escaped
		.replace(/\*\*([^*\n](?:[^\n]*?[^*\n])?)\*\*/g, "<strong>$1</strong>")
		.replace(/(^|[^*])\*([^*\s](?:[^*\n]*?[^*\s])?)\*(?!\*)/g, "$1<em>$2</em>");
}
