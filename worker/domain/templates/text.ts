import { Element, type Node, Text } from "domhandler";
import type { Document } from "./html";

const BLOCK = new Set([
	"p",
	"div",
	"section",
	"article",
	"header",
	"footer",
	"table",
	"tr",
	"ul",
	"ol",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"blockquote",
	"center",
]);
const SKIP = new Set(["style", "script", "head", "title"]);

/**
 * A readable plain-text version of an email: paragraphs and rows on their own lines, list
 * items as "- ", links as "text (url)", images by their alt text, hidden preview text left out.
 */
export function htmlToText(doc: Document): string {
	let out = "";
	const visit = (node: Node) => {
		if (node instanceof Text) {
			out += node.data.replace(/\s+/g, " ");
			return;
		}
		if (!(node instanceof Element)) {
			if ("children" in node) for (const child of (node as { children: Node[] }).children) visit(child);
			return;
		}
		const name = node.name.toLowerCase();
		if (SKIP.has(name) || node.attribs["data-pulse"] === "preheader" || node.attribs["data-pulse"] === "pixel") return;
		if (name === "br" || name === "img") {
			out += name === "br" ? "\n" : (node.attribs.alt ?? "");
			return;
		}
		if (name === "li") out += "\n- ";
		if (BLOCK.has(name)) out += "\n\n";
		const before = out.length;
		for (const child of node.children) visit(child);
		if (name === "a") {
			const href = node.attribs["data-pulse-href"] ?? node.attribs.href ?? "";
			const label = out.slice(before).trim();
			if (/^(https?:|mailto:)/i.test(href) && label !== href && label !== href.replace(/^mailto:/i, ""))
				out += ` (${href.replace(/^mailto:/i, "")})`;
		}
		if (name === "td" || name === "th") out += " ";
		if (BLOCK.has(name)) out += "\n\n";
	};
	visit(doc);
	return out
		.split("\n")
		.map((line) => line.replace(/[ \t]+/g, " ").trim())
		.join("\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
}
