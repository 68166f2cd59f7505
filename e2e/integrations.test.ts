import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";

/** Against `wrangler dev`: the runtime the SDK's schema validation must work in (no code generation there). */
describe("integrations on the local server", () => {
	it("serves MCP: an AI client lists the tools and calls one", async () => {
		const baseUrl = inject("baseUrl");
		const api = await apiSession(baseUrl, { id: crypto.randomUUID().slice(0, 8), name: "Mcp Smoke", ip: "192.0.2.61" });
		const { key } = await api.json<{ key: string }>("POST", "/api/v1/api-keys", { name: "Claude", role: "editor" });
		const client = new Client({ name: "smoke", version: "1.0.0" });
		await client.connect(
			new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
				requestInit: { headers: { authorization: `Bearer ${key}` } },
			}),
		);
		const { tools } = await client.listTools();
		expect(tools.length).toBeGreaterThanOrEqual(25);
		const created = await client.callTool({
			name: "upsert_contact",
			arguments: { email: "smoke@example.com", attributes: { plan: "pro" } },
		});
		expect(created.isError, JSON.stringify(created.content)).toBeFalsy();
		const found = await client.callTool({ name: "search_contacts", arguments: { query: "smoke" } });
		expect(found.structuredContent).toMatchObject({ contacts: [{ email: "smoke@example.com" }] });
		const bad = await client.callTool({ name: "count_segment", arguments: { definition: { all: [{ tag: 5 }] } } });
		expect(bad.isError).toBe(true);
		await client.close();
	});
});
