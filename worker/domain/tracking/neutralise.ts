import { type Document, elements, parseHtml, removeNode, serializeHtml } from "../templates/html";
import { verifyToken } from "../tokens";

const TRACKING_PATH = /\/(t\/o|t\/c|u)\/([\w-]{20,})$/;

async function ownToken(secret: string, url: string) {
	const match = TRACKING_PATH.exec(url.trim());
	return match?.[2] ? verifyToken(secret, match[2]) : null;
}

/**
 * A sent email made safe to look at inside Pulse: the open pixel removed, tracked links pointing
 * straight at their destinations, and unsubscribe links disabled, so viewing a message in the Outbox
 * never counts an open, a click or an unsubscribe. Only this Pulse's own (verifiable) links change.
 */
export async function neutraliseTracking(html: string, secret: string): Promise<string> {
	const doc: Document = parseHtml(html);
	for (const el of elements(doc)) {
		const tag = el.name.toLowerCase();
		if (tag === "img" && el.attribs.src) {
			if ((await ownToken(secret, el.attribs.src))?.k === "o") removeNode(el);
		} else if (tag === "a" && el.attribs.href) {
			const payload = await ownToken(secret, el.attribs.href);
			if (payload?.k === "c") el.attribs.href = payload.u;
			else if (payload?.k === "u") {
				el.attribs.href = "#unsubscribe-disabled-in-preview";
				el.attribs.title = "The unsubscribe link is disabled in this view";
			}
		}
	}
	return serializeHtml(doc);
}
