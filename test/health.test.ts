import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("health", () => {
	it("answers ok", async () => {
		const res = await exports.default.fetch("http://pulse.test/health");
		expect(await res.json()).toEqual({ ok: true });
	});
});
