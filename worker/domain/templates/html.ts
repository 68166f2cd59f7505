import render from "dom-serializer";
import { type ChildNode, Element, type Node, Text } from "domhandler";
import { parseDocument } from "htmlparser2";

export type Document = ReturnType<typeof parseDocument>;

export const parseHtml = (html: string): Document => parseDocument(html, { decodeEntities: true });
export const serializeHtml = (doc: Document) => render(doc, { decodeEntities: true, encodeEntities: "utf8" });

export function* walk(node: Node): Generator<Node> {
	yield node;
	if ("children" in node) for (const child of [...(node as { children: ChildNode[] }).children]) yield* walk(child);
}

export const elements = (doc: Document) => [...walk(doc)].filter((n): n is Element => n instanceof Element);

const DANGEROUS_TAGS = new Set(["script", "iframe", "object", "embed", "frame", "frameset", "base", "meta"]);
const JS_URL = /^\s*(javascript|vbscript|data:text\/html)/i;

/** Removes scripts, frames, event-handler attributes and script URLs: mail clients must see inert HTML. */
export function stripActiveContent(doc: Document) {
	for (const el of elements(doc)) {
		if (DANGEROUS_TAGS.has(el.name.toLowerCase()) && !(el.name.toLowerCase() === "meta" && !el.attribs["http-equiv"])) {
			removeNode(el);
			continue;
		}
		for (const name of Object.keys(el.attribs)) {
			const lower = name.toLowerCase();
			if (
				lower.startsWith("on") ||
				((lower === "href" || lower === "src" || lower === "action") && JS_URL.test(el.attribs[name] ?? ""))
			) {
				delete el.attribs[name];
			}
		}
	}
}

export function removeNode(node: ChildNode) {
	const parent = node.parent;
	if (!parent) return;
	parent.children = parent.children.filter((c) => c !== node);
}

/** The element new content goes into: <body> when the template has one, else the document. */
export function bodyOf(doc: Document): Element | Document {
	return elements(doc).find((el) => el.name.toLowerCase() === "body") ?? doc;
}

export function append(parent: Element | Document, html: string) {
	for (const child of parseHtml(html).children) {
		child.parent = parent;
		parent.children.push(child);
	}
}

export function prepend(parent: Element | Document, html: string) {
	const nodes = parseHtml(html).children;
	for (const child of nodes) child.parent = parent;
	parent.children.unshift(...nodes);
}

export const escapeHtml = (text: string) =>
	text
		.replaceAll("&", "&amp;")
		.replaceAll("<", "&lt;")
		.replaceAll(">", "&gt;")
		.replaceAll('"', "&quot;")
		.replaceAll("'", "&#39;");

export { Element, Text };
