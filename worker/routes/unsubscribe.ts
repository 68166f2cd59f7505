import { Hono } from "hono";
import { tokenSecret } from "../config";
import type { AppEnv } from "../context";
import { createDb } from "../db/client";
import { isPreviewToken, verifyToken } from "../domain/tokens";
import { sendAfterWrite } from "../services/contact-outbox";
import { preferencesOf, savePreferences } from "../services/preferences";
import { type UnsubscribeTarget, unsubscribe } from "../services/unsubscribe";
import {
	invalidLinkPage,
	preferencePage,
	previewUnsubscribePage,
	unsubscribedPage,
	unsubscribePage,
} from "./recipient-pages";

type Target = { preview: true } | ({ preview: false } & UnsubscribeTarget);

async function target(c: { env: Env; req: { param: (name: "token") => string } }): Promise<Target | null> {
	const payload = await verifyToken(tokenSecret(c.env), c.req.param("token"));
	if (payload?.k !== "u") return null;
	if (isPreviewToken(payload)) return { preview: true };
	return { preview: false, messageId: payload.m, contactId: payload.c, workspaceId: payload.w };
}

const NO_STORE = { "cache-control": "no-store" };

/**
 * `GET /u/:token` only shows the page (mail scanners follow links; a GET must change nothing): the preference
 * centre when the workspace has topics, else the unsubscribe page. `POST /u/:token/preferences` saves the topics
 * a recipient keeps (the others are opted out of; the subscription as a whole is unchanged).
 * `POST /u/:token` unsubscribes: the page's button, or RFC 8058 one-click (`List-Unsubscribe=One-Click`,
 * no cookies, no auth), which answers 200 with an empty body. Both act only for a message Pulse sent
 * to that contact; a preview's or test send's link shows a notice and changes nothing (403 on POST).
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
	.get("/:token", async (c) => {
		const who = await target(c);
		if (!who) return c.html(invalidLinkPage(), 404, NO_STORE);
		if (who.preview) return c.html(previewUnsubscribePage(), 200, NO_STORE);
		const { workspaceName, contact, sent, topics } = await preferencesOf(createDb(c.env.DB), who);
		if (!sent) return c.html(invalidLinkPage(), 404, NO_STORE);
		const name = workspaceName ?? "these emails";
		const action = new URL(c.req.url).pathname;
		// With topics the page is the preference centre (unsubscribing from everything stays one button away).
		if (topics.length > 0) return c.html(preferencePage(name, contact?.email ?? null, action, topics), 200, NO_STORE);
		return c.html(unsubscribePage(name, contact?.email ?? null, action), 200, NO_STORE);
	})
	.post("/:token/preferences", async (c) => {
		const who = await target(c);
		if (!who) return c.html(invalidLinkPage(), 404, NO_STORE);
		if (who.preview) return c.html(previewUnsubscribePage(), 403, NO_STORE);
		const form = new URLSearchParams(await c.req.text());
		const kept = form.getAll("topic").slice(0, 100);
		const saved = await savePreferences(c.env, who, kept);
		if (!saved.saved) return c.html(invalidLinkPage(), 404, NO_STORE);
		const action = new URL(c.req.url).pathname.replace(/\/preferences$/, "");
		const name = saved.workspaceName ?? "The sender";
		return c.html(preferencePage(name, saved.contact?.email ?? null, action, saved.topics, true), 200, NO_STORE);
	})
	.post("/:token", async (c) => {
		const who = await target(c);
		if (!who) return c.html(invalidLinkPage(), 404, NO_STORE);
		const body = await c.req.text();
		const oneClick = new URLSearchParams(body).get("List-Unsubscribe") === "One-Click";
		if (who.preview) return oneClick ? c.body(null, 403) : c.html(previewUnsubscribePage(), 403, NO_STORE);
		const source = oneClick ? "one_click" : "link";
		const { workspaceName, sent, notify, changed } = await unsubscribe(createDb(c.env.DB), who, source);
		if (!sent) return oneClick ? c.body(null, 404) : c.html(invalidLinkPage(), 404, NO_STORE);
		// The campaign's event log, live numbers and `contact.unsubscribed` follow through the EVENTS queue.
		if (notify) c.executionCtx.waitUntil(c.env.EVENTS.send(notify));
		// The contact's new status, like any contact change (`contact.updated`, kept by the change's own batch).
		if (changed) await sendAfterWrite(c.env, who.workspaceId, who.contactId, changed);
		if (oneClick) return c.body(null, 200);
		return c.html(unsubscribedPage(workspaceName ?? "The sender"), 200);
	});
