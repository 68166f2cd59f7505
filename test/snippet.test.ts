import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createKey, ORIGIN, signupOwner } from "./client";

describe("website snippet", () => {
	it("is a few KB of JavaScript that identifies a visitor and tracks what they do, with an ingest key", async () => {
		const res = await exports.default.fetch(new Request(`${ORIGIN}/snippet.js`));
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toMatch(/javascript/);
		const source = await res.text();
		expect(source.length).toBeLessThan(4096);

		// Run it as a page would, its requests going to the worker.
		const owner = await signupOwner("Snippet");
		const { key } = await createKey(owner.cookie, "ingest");
		const store = new Map<string, string>();
		const window = {
			pulse: [["track", "Queued Before Load"]],
			location: { href: "https://shop.example/pricing" },
			navigator: { language: "de-DE" },
			crypto,
			localStorage: {
				getItem: (k: string) => store.get(k) ?? null,
				setItem: (k: string, v: string) => store.set(k, v),
			},
			fetch: (url: string, init: RequestInit) => exports.default.fetch(new Request(url, init)),
		} as unknown as Record<string, unknown> & {
			pulse: { identify: (...args: unknown[]) => Promise<unknown>; track: (...args: unknown[]) => Promise<unknown> };
		};
		const document = {
			currentScript: { src: `${ORIGIN}/snippet.js`, getAttribute: () => key },
			referrer: "",
		};
		new Function("window", "document", source)(window, document);
		expect(await window.pulse.identify("Visitor@Example.com", { plan: "pro" })).toEqual({ success: true });
		expect(await window.pulse.track("Viewed Pricing", { tier: "pro" })).toEqual({ success: true });

		const list = await call("GET", "/api/v1/contacts?q=visitor", undefined, { cookie: owner.cookie });
		const contact = await call("GET", `/api/v1/contacts/${list.json.data[0].id}`, undefined, { cookie: owner.cookie });
		expect(contact.json).toMatchObject({ email: "visitor@example.com", attributes: { plan: "pro" }, locale: "de-DE" });
		expect(contact.json.events).toMatchObject([{ name: "Viewed Pricing", properties: { tier: "pro" } }]);
	});
});
