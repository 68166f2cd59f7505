import { describe, expect, it } from "vitest";
import { checkRequestOrigin } from "./request-origin";

const at = (over: Partial<Parameters<typeof checkRequestOrigin>[0]>) =>
	checkRequestOrigin({ url: "https://pulse.example/mcp", host: "pulse.example", origin: null, appUrl: "", ...over });

describe("request origin check (DNS rebinding)", () => {
	it("accepts clients that send no Origin, and Pulse's own origin", () => {
		expect(at({})).toEqual({ ok: true });
		expect(at({ origin: "https://pulse.example" })).toEqual({ ok: true });
	});

	it("refuses a page on another origin, even when its name points at Pulse", () => {
		expect(at({ origin: "https://evil.example" }).ok).toBe(false);
		expect(at({ origin: "null" }).ok).toBe(false);
		const rebound = { url: "http://evil.example:8787/mcp", host: "evil.example:8787" };
		expect(at({ ...rebound, origin: "http://evil.example:8787", appUrl: "http://127.0.0.1:8787" }).ok).toBe(false);
	});

	it("with APP_URL set, only its host is served", () => {
		expect(at({ appUrl: "https://pulse.example" })).toEqual({ ok: true });
		expect(at({ appUrl: "https://app.pulse.example" }).ok).toBe(false);
		expect(at({ appUrl: "https://pulse.example", origin: "https://pulse.example" })).toEqual({ ok: true });
	});
});
