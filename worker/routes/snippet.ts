import { Hono } from "hono";
import type { AppEnv } from "../context";
import { PULSE_JS } from "../domain/snippet/pulse-js";

/** GET /snippet.js: the website snippet (public, cacheable, loadable from any site). */
export const snippetRoutes = new Hono<AppEnv>().get("/", (c) =>
	c.body(PULSE_JS, 200, {
		"content-type": "application/javascript; charset=utf-8",
		"cache-control": "public, max-age=3600",
		"access-control-allow-origin": "*",
	}),
);
