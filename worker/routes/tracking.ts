import { Hono } from "hono";
import { tokenSecret } from "../config";
import type { AppEnv } from "../context";
import type { TrackingEventMessage } from "../contracts/queue";
import { isPreviewToken, verifyToken } from "../domain/tokens";
import { PIXEL_GIF } from "../domain/tracking/classify";
import { safeHttpUrl } from "../domain/tracking/links";
import { invalidLinkPage, previewLinkPage } from "./recipient-pages";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The recipient-facing hot paths. Both answer at once: no D1 read or write happens before the
 * response; the hit goes to the EVENTS queue from `waitUntil`, and the consumer records it only
 * for a message Pulse sent. Preview and test-send tokens are recognised here and record nothing.
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
				if (payload?.k !== "o" || isPreviewToken(payload)) return;
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
		// A tampered, truncated or foreign token never redirects anywhere, and neither does a URL
		// that could not go into a Location header.
		const destination = payload?.k === "c" ? safeHttpUrl(payload.u) : null;
		if (payload?.k !== "c" || !destination) return c.html(invalidLinkPage(), 404, NO_STORE);
		// A preview's link shows where it leads and goes nowhere: previews can sign any href.
		if (isPreviewToken(payload)) return c.html(previewLinkPage(destination), 200, NO_STORE);
		const event: TrackingEventMessage = {
			type: "tracking",
			kind: "click",
			message_id: payload.m,
			link: payload.l,
			url: destination,
			method: c.req.method,
			at,
			ip: c.req.header("cf-connecting-ip") ?? null,
			user_agent: c.req.header("user-agent") ?? null,
		};
		c.executionCtx.waitUntil(c.env.EVENTS.send(event));
		return c.redirect(destination, 302);
	});
