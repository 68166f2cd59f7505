import { Hono } from "hono";
import type { AppEnv } from "../context";
import { createDb } from "../db/client";
import { readFlag, writeFlag } from "../db/system-flags";
import { constantTimeEqual } from "../domain/encoding";

const FLAG = "startup_gate";
/** Once open, the gate stays open for this isolate's life: no D1 read per health check. */
let openedFor: string | null = null;

const sameText = (a: string, b: string) => constantTimeEqual(new TextEncoder().encode(a), new TextEncoder().encode(b));

/**
 * `GET /health`: `{ok: true}`. When `npm start` seeds a demo workspace it starts Pulse with a one-time
 * `STARTUP_GATE`: until the seeding says it is done (`POST /health` with that value in `x-startup-gate`),
 * health answers 503 `{ok: false, starting: true}`, so nothing that waits for health sees a half-seeded workspace.
 */
export const healthRoutes = new Hono<AppEnv>()
	.get("/", async (c) => {
		const gate = c.env.STARTUP_GATE;
		if (!gate || openedFor === gate) return c.json({ ok: true as const });
		if ((await readFlag(createDb(c.env.DB), FLAG)) === gate) {
			openedFor = gate;
			return c.json({ ok: true as const });
		}
		return c.json({ ok: false as const, starting: true }, 503);
	})
	.post("/", async (c) => {
		const gate = c.env.STARTUP_GATE;
		const given = c.req.header("x-startup-gate") ?? "";
		if (!gate || !sameText(gate, given)) return c.json({ ok: false as const }, 404);
		await writeFlag(createDb(c.env.DB), FLAG, gate);
		openedFor = gate;
		return c.json({ ok: true as const });
	});
