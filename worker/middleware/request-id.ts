import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { createDb } from "../db/client";

/** Gives every request an id (echoed as `x-request-id`) and a drizzle client. */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
	const incoming = c.req.header("x-request-id");
	const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
	c.set("requestId", requestId);
	c.set("db", createDb(c.env.DB));
	await next();
	c.header("x-request-id", requestId);
});
