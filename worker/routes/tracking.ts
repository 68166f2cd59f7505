import { Hono } from "hono";
import { tokenSecret } from "../config";
import type { AppEnv } from "../context";
import type { TrackingEventMessage } from "../contracts/queue";
import { verifyToken } from "../domain/tokens";
import { PIXEL_GIF } from "../domain/tracking/classify";
import { invalidLinkPage } from "./recipient-pages";

/**
 * The recipient-facing hot paths. Both answer at once: no D1 read or write happens before the
 * response; the hit goes to the EVENTS queue from `waitUntil`.
 */
export const trackingRoutes = new Hono<AppEnv>()
	.get("/o/:token", async (c) => {
		const at = Date.now();
		const token = c.req.param("token");
		const env = c.env;
		const hit = { ip: c.req.header("cf-connecting-ip") ?? null, user_agent: c.req.header("user-agent") ?? null };
		c.executionCtx.waitUntil(
			(async () => {
				const payload = await verifyToken(tokenSecret(env), token);
				if (payload?.k !== "o") return;
				await env.EVENTS.send({
					type: "tracking",
					kind: "open",
					message_id: payload.m,
					method: "GET",
					at,
					...hit,
				} satisfies TrackingEventMessage);
			})(),
		);
		return c.body(PIXEL_GIF, 200, {
			"content-type": "image/gif",
			"content-length": String(PIXEL_GIF.length),
			"cache-control": "no-store, no-cache, must-revalidate, max-age=0",
			pragma: "no-cache",
		});
	})
	.on(["GET", "HEAD"], "/c/:token", async (c) => {
		const at = Date.now();
		const payload = await verifyToken(tokenSecret(c.env), c.req.param("token"));
		// A tampered, truncated or foreign token never redirects anywhere.
		if (payload?.k !== "c") return c.html(invalidLinkPage(), 404, { "cache-control": "no-store" });
		const event: TrackingEventMessage = {
			type: "tracking",
			kind: "click",
			message_id: payload.m,
			link: payload.l,
			url: payload.u,
			method: c.req.method,
			at,
			ip: c.req.header("cf-connecting-ip") ?? null,
			user_agent: c.req.header("user-agent") ?? null,
		};
		c.executionCtx.waitUntil(c.env.EVENTS.send(event));
		return c.redirect(payload.u, 302);
	});
