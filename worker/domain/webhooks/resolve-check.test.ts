import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "../journeys/webhook-url";
import { type Fetcher, resolvedHostProblem } from "./resolve-check";

/** A DNS-over-HTTPS resolver answering from a table (name → addresses), as Cloudflare's JSON API does. */
function doh(table: Record<string, string[]>, status = 200): Fetcher & { asked: string[] } {
	const asked: string[] = [];
	const fetcher = async (input: string) => {
		const url = new URL(input);
		asked.push(`${url.searchParams.get("name")} ${url.searchParams.get("type")}`);
		if (status !== 200) return new Response("busy", { status });
		const type = url.searchParams.get("type") === "A" ? 1 : 28;
		const addresses = (table[url.searchParams.get("name") ?? ""] ?? []).filter(
			(a) => a.includes(":") === (type === 28),
		);
		if (!((url.searchParams.get("name") ?? "") in table)) return Response.json({ Status: 3 });
		return Response.json({ Status: 0, Answer: addresses.map((data) => ({ type, data, TTL: 60 })) });
	};
	return Object.assign(fetcher, { asked });
}

describe("webhook hosts and what they resolve to", () => {
	it("refuses names built to resolve to a chosen or private address", () => {
		for (const url of [
			"https://10.0.0.1.nip.io/hook",
			"https://127-0-0-1.sslip.io/",
			"https://app.lvh.me/",
			"https://localtest.me/",
			"https://169.254.169.254.example.com/",
			"https://api-192-168-0-1.example.com/",
		])
			expect(webhookUrlProblem(url, { local: false }), url).toMatch(/private/);
		for (const url of [
			"https://hooks-2024.example.com/",
			"https://v1.2.3.example.com/",
			"https://8.8.8.8.example.com/",
		])
			expect(webhookUrlProblem(url, { local: false }), url).toBeNull();
	});

	it("reads resolved addresses as DNS writes them", () => {
		for (const a of ["10.0.0.7", "127.0.0.1", "169.254.169.254", "::1", "0:0:0:0:0:0:0:1", "fe80::1", "fd00::2"])
			expect(isPrivateAddress(a), a).toBe(true);
		for (const a of ["203.0.113.10", "8.8.8.8", "2606:4700:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
	});

	it("refuses a public name that resolves inside a network (any of its A or AAAA answers)", async () => {
		const resolver = doh({
			"hooks.example.com": ["203.0.113.10", "2606:4700::1"],
			"sneaky.example.com": ["203.0.113.11", "169.254.169.254"],
			"v6.example.com": ["fd12::1"],
		});
		expect(await resolvedHostProblem(resolver, "https://hooks.example.com/x")).toBeNull();
		expect(await resolvedHostProblem(resolver, "https://sneaky.example.com/x")).toBe(
			"The webhook host resolves to a private address (169.254.169.254)",
		);
		expect(await resolvedHostProblem(resolver, "https://v6.example.com/")).toMatch(/private address \(fd12::1\)/);
		expect(resolver.asked).toContain("hooks.example.com AAAA");
	});

	it("fails closed when the name does not resolve or the resolver does not answer; literals are not looked up", async () => {
		expect(await resolvedHostProblem(doh({}), "https://gone.example.com/")).toMatch(/does not resolve/);
		expect(await resolvedHostProblem(doh({}, 503), "https://hooks.example.com/")).toMatch(/could not be resolved/);
		const resolver = doh({});
		expect(await resolvedHostProblem(resolver, "https://8.8.8.8/")).toBeNull();
		expect(resolver.asked).toEqual([]);
	});
});
