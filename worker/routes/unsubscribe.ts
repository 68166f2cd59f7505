import { Hono } from "hono";
import { tokenSecret } from "../config";
import type { AppEnv } from "../context";
import { verifyToken } from "../domain/tokens";
import { describeTarget, unsubscribe } from "../services/unsubscribe";
import { invalidLinkPage, unsubscribedPage, unsubscribePage } from "./recipient-pages";

async function target(c: { env: Env; req: { param: (name: "token") => string } }) {
	const payload = await verifyToken(tokenSecret(c.env), c.req.param("token"));
	return payload?.k === "u" ? { messageId: payload.m, contactId: payload.c, workspaceId: payload.w } : null;
}

/**
 * `GET /u/:token` only shows the page (mail scanners follow links; a GET must change nothing).
 * `POST /u/:token` unsubscribes: the page's button, or RFC 8058 one-click (`List-Unsubscribe=One-Click`,
 * no cookies, no auth), which answers 200 with an empty body.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
	.get("/:token", async (c) => {
		const who = await target(c);
		if (!who) return c.html(invalidLinkPage(), 404);
		const { workspaceName, contact } = await describeTarget(c.env.DB, who);
		return c.html(
			unsubscribePage(workspaceName ?? "these emails", contact?.email ?? null, new URL(c.req.url).pathname),
			200,
			{ "cache-control": "no-store" },
		);
	})
	.post("/:token", async (c) => {
		const who = await target(c);
		if (!who) return c.html(invalidLinkPage(), 404);
		const body = await c.req.text();
		const oneClick = new URLSearchParams(body).get("List-Unsubscribe") === "One-Click";
		const { campaignId } = await unsubscribe(c.env.DB, who, oneClick ? "one_click" : "link");
		if (campaignId) c.executionCtx.waitUntil(c.env.CAMPAIGN.getByName(campaignId).trackingChanged());
		if (oneClick) return c.body(null, 200);
		const { workspaceName } = await describeTarget(c.env.DB, who);
		return c.html(unsubscribedPage(workspaceName ?? "The sender"), 200);
	});
