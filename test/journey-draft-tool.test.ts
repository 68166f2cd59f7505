import { exports } from "cloudflare:workers";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { call, createKey, ORIGIN, signupOwner } from "./client";

/** The registry's tools over MCP, as the assistant gets them too. */
async function connect(key: string) {
	const client = new Client({ name: "pulse-test", version: "1.0.0" });
	const transport = new StreamableHTTPClientTransport(new URL(`${ORIGIN}/mcp`), {
		requestInit: { headers: { authorization: `Bearer ${key}` } },
		fetch: (url, init) => exports.default.fetch(new Request(url, init)),
	});
	await client.connect(transport);
	return client;
}

describe("draft_journey tool", () => {
	it("turns plain words into a draft journey with the workspace's template, for a person to review; it never activates", async () => {
		const owner = await signupOwner("Drafts");
		const client = await connect((await createKey(owner.cookie, "owner")).key);
		const refused = await client.callTool({ name: "draft_journey", arguments: { request: "a welcome series" } });
		expect(refused.isError).toBe(true);

		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "Welcome", subject: "Hi", html: "<p>Hi</p>" },
			{ cookie: owner.cookie },
		);
		const drafted = await client.callTool({
			name: "draft_journey",
			arguments: { request: "a three-step welcome series for new signups" },
		});
		expect(drafted.isError).toBeFalsy();
		const out = drafted.structuredContent as { id: string; status: string; issues: unknown[]; url: string };
		expect(out).toMatchObject({ status: "draft", issues: [], url: `/journeys/${out.id}` });

		const journey = await call("GET", `/api/v1/journeys/${out.id}`, undefined, { cookie: owner.cookie });
		expect(journey.json.status).toBe("draft");
		const emails = Object.values(
			journey.json.definition.nodes as Record<string, { type: string; template_id?: string }>,
		)
			.filter((n) => n.type === "send_email")
			.map((n) => n.template_id);
		expect(emails).toEqual([template.json.id, template.json.id, template.json.id]);

		// Listed steps become exactly that line of emails and waits.
		const listed = await client.callTool({
			name: "draft_journey",
			arguments: {
				request: "email, wait two days, email",
				entry_event: "trial_started",
				steps: [{ type: "email" }, { type: "wait", duration: "P2D" }, { type: "email" }],
			},
		});
		const second = await call("GET", `/api/v1/journeys/${(listed.structuredContent as { id: string }).id}`, undefined, {
			cookie: owner.cookie,
		});
		expect(second.json.definition.entry).toEqual({ type: "event", event: "trial_started" });
		expect(Object.keys(second.json.definition.nodes)).toEqual(["end", "email_1", "wait_2", "email_3"]);
		await client.close();
	});
});
