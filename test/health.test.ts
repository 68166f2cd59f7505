import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../worker/app";

describe("health", () => {
	it("answers ok", async () => {
		const res = await exports.default.fetch("http://pulse.test/health");
		expect(await res.json()).toEqual({ ok: true });
	});

	it("answers 503 while `npm start` seeds the demo workspace, and ok once the seeding says it is done", async () => {
		const app = createApp();
		const gated = { ...env, STARTUP_GATE: `gate-${Date.now()}` };
		const health = () => app.request("http://pulse.test/health", {}, gated);
		const ready = (gate: string) =>
			app.request("http://pulse.test/health", { method: "POST", headers: { "x-startup-gate": gate } }, gated);
		const starting = await health();
		expect(starting.status).toBe(503);
		expect(await starting.json()).toEqual({ ok: false, starting: true });
		expect((await ready("wrong")).status).toBe(404);
		expect((await health()).status).toBe(503);
		expect((await ready(gated.STARTUP_GATE)).status).toBe(200);
		expect(await (await health()).json()).toEqual({ ok: true });
		// Without a gate (every deployment), there is nothing to open.
		expect((await app.request("http://pulse.test/health", { method: "POST" }, env)).status).toBe(404);
	});
});
