import { type EmailLinkPayload, signToken } from "../tokens";
import { trackableUrl } from "../tracking/links";
import {
	append,
	bodyOf,
	type Document,
	Element,
	elements,
	escapeHtml,
	parseHtml,
	prepend,
	serializeHtml,
	stripActiveContent,
} from "./html";
import { htmlLiquid, parseField, renderField, TemplateError, type TemplateIssue, textLiquid } from "./liquid";
import { htmlToText } from "./text";

export type TemplateSource = { subject: string; preheader?: string | null; html: string; text?: string | null };

export type RenderContact = {
	id: string;
	email: string;
	first_name: string | null;
	last_name: string | null;
	attributes: Record<string, unknown>;
	tags?: string[];
	timezone?: string | null;
	locale?: string | null;
};

export type RenderContext = {
	contact: RenderContact;
	workspace: { id: string; name: string; postal_address: string };
	messageId: string;
	/** Public origin of this Pulse, e.g. https://mail.example.com: tracking and unsubscribe links point here. */
	baseUrl: string;
	tracking: { opens: boolean; clicks: boolean };
	secret: string;
	/** A preview or test send: its links are marked so the public endpoints change nothing. */
	preview?: boolean;
};

/** More links than any real email has; past it a template is refused rather than rendered at length. */
export const MAX_LINKS = 500;

export type RenderedEmail = { subject: string; html: string; text: string; headers: Record<string, string> };

/** Refuses a template that does not parse, naming the field, line and column of each error. */
export function checkTemplate(source: TemplateSource): void {
	const issues: TemplateIssue[] = [];
	const fields: [string, string | null | undefined, typeof htmlLiquid][] = [
		["subject", source.subject, textLiquid],
		["preheader", source.preheader, textLiquid],
		["html", source.html, htmlLiquid],
		["text", source.text, textLiquid],
	];
	for (const [path, value, engine] of fields) {
		if (!value) continue;
		try {
			parseField(engine, path, value);
		} catch (error) {
			if (error instanceof TemplateError) issues.push(...error.issues);
			else throw error;
		}
	}
	if (issues.length) throw new TemplateError(issues);
}

function footerHtml(workspace: RenderContext["workspace"], unsubscribeUrl: string): string {
	const address = workspace.postal_address ? `${escapeHtml(workspace.postal_address)}<br>` : "";
	return `<div data-pulse="footer" style="margin:32px auto 0;max-width:600px;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#6b7280;text-align:center">${escapeHtml(workspace.name)}<br>${address}<a href="${escapeHtml(unsubscribeUrl)}" style="color:#6b7280;text-decoration:underline">Unsubscribe</a></div>`;
}

const sign = (ctx: RenderContext, payload: EmailLinkPayload) =>
	signToken(ctx.secret, ctx.preview ? { ...payload, p: 1 } : payload);

function links(doc: Document): Element[] {
	const found = elements(doc).filter((el) => el.name.toLowerCase() === "a");
	if (found.length > MAX_LINKS) {
		throw new TemplateError([
			{ path: "html", message: `the email has ${found.length} links; at most ${MAX_LINKS} are allowed` },
		]);
	}
	return found;
}

/**
 * Rewrites every absolute http(s) link to a signed click URL; mailto, tel, anchors, relative and our
 * own links stay, and so do links too long or malformed to carry in a token (they work, untracked).
 */
async function rewriteLinks(anchors: Element[], ctx: RenderContext) {
	const ownPrefix = `${ctx.baseUrl}/u/`;
	let index = 0;
	for (const el of anchors) {
		const href = (el.attribs.href ?? "").trim();
		if (href.startsWith(ownPrefix)) continue;
		const url = /^https?:/i.test(href) ? trackableUrl(href) : null;
		if (!url) continue;
		const token = await sign(ctx, { k: "c", m: ctx.messageId, l: index++, u: url });
		el.attribs.href = `${ctx.baseUrl}/t/c/${token}`;
	}
}

function ensureDocument(html: string): Document {
	if (/<body[\s>]/i.test(html)) return parseHtml(html);
	return parseHtml(
		`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head><body>${html}</body></html>`,
	);
}

/**
 * Renders exactly what will be sent to one contact: Liquid personalization (values escaped in
 * HTML), inert markup, tracked links, the open pixel, the hidden preheader, a compliant footer
 * when the template has no unsubscribe link, a plain-text part, and the RFC 8058 headers.
 */
export async function renderEmail(source: TemplateSource, ctx: RenderContext): Promise<RenderedEmail> {
	const unsubscribeToken = await sign(ctx, {
		k: "u",
		m: ctx.messageId,
		c: ctx.contact.id,
		w: ctx.workspace.id,
	});
	const unsubscribeUrl = `${ctx.baseUrl}/u/${unsubscribeToken}`;
	const scope = {
		contact: { ...ctx.contact, tags: ctx.contact.tags ?? [] },
		workspace: { name: ctx.workspace.name, postal_address: ctx.workspace.postal_address },
		unsubscribe_url: unsubscribeUrl,
		preferences_url: unsubscribeUrl,
	};
	const render = (engine: typeof htmlLiquid, path: string, value: string) =>
		renderField(engine, path, parseField(engine, path, value), scope);

	const subject = render(textLiquid, "subject", source.subject).replace(/\s+/g, " ").trim();
	const preheader = source.preheader ? render(textLiquid, "preheader", source.preheader).trim() : "";
	const doc = ensureDocument(render(htmlLiquid, "html", source.html));
	stripActiveContent(doc);
	const hasUnsubscribeLink = source.html.includes("unsubscribe_url") || source.html.includes("preferences_url");
	const body = bodyOf(doc);
	if (!hasUnsubscribeLink) append(body, footerHtml(ctx.workspace, unsubscribeUrl));

	let text = source.text ? render(textLiquid, "text", source.text) : htmlToText(doc);
	if (source.text && !source.text.includes("unsubscribe_url")) {
		text += `\n\n--\n${ctx.workspace.name}\n${ctx.workspace.postal_address}\nUnsubscribe: ${unsubscribeUrl}`;
	}

	if (preheader) {
		// Padding after the preheader keeps clients from pulling body text into the inbox preview.
		prepend(
			body,
			`<div data-pulse="preheader" style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${escapeHtml(preheader)}${"&#8199;&#65279;&#847; ".repeat(20)}</div>`,
		);
	}
	const anchors = links(doc);
	if (ctx.tracking.clicks) await rewriteLinks(anchors, ctx);
	if (ctx.tracking.opens) {
		const pixel = await sign(ctx, { k: "o", m: ctx.messageId });
		append(
			body,
			`<img data-pulse="pixel" src="${ctx.baseUrl}/t/o/${pixel}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`,
		);
	}
	return {
		subject,
		html: serializeHtml(doc),
		text: text.trim(),
		headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
	};
}

export { Element, TemplateError };
