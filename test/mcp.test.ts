import { exports } from "cloudflare:workers";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createKey, ORIGIN, signupOwner } from "./client";

type Owner = Awaited<ReturnType<typeof signupOwner>>;

/** The official MCP client, speaking Streamable HTTP to the worker itself. */
async function connect(key: string) {
	const client = new Client({ name: "pulse-test", version: "1.0.0" });
	const transport = new StreamableHTTPClientTransport(new URL(`${ORIGIN}/mcp`), {
		requestInit: { headers: { authorization: `Bearer ${key}` } },
		fetch: (url, init) => exports.default.fetch(new Request(url, init)),
	});
	await client.connect(transport);
	return client;
}

const textOf = (result: { content?: unknown }) =>
	((result.content ?? []) as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");

const GERMANY = { all: [{ attribute: "country", op: "eq", value: "Germany" }] };

describe("MCP server", () => {
	let owner: Owner;
	let ownerKey: string;
	let viewerKey: string;
	beforeAll(async () => {
		owner = await signupOwner("MCP");
		ownerKey = (await createKey(owner.cookie, "owner")).key;
		viewerKey = (await createKey(owner.cookie, "viewer")).key;
	});

	it("lists 25+ tools to an owner's key, each with schemas and honest annotations", async () => {
		const client = await connect(ownerKey);
		const { tools } = await client.listTools();
		expect(tools.length).toBeGreaterThanOrEqual(25);
		const byName = new Map(tools.map((t) => [t.name, t]));
		for (const name of ["search_contacts", "upsert_contact", "erase_contact", "track_event", "create_segment"])
			expect(byName.has(name), name).toBe(true);
		for (const name of [
			"schedule_campaign",
			"cancel_campaign",
			"create_journey",
			"activate_journey",
			"search_audit_log",
		])
			expect(byName.has(name), name).toBe(true);
		expect(byName.get("search_contacts")?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
		expect(byName.get("erase_contact")?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
		expect(byName.get("schedule_campaign")?.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: true });
		for (const tool of tools) {
			expect(tool.description?.length, tool.name).toBeGreaterThan(20);
			expect(tool.inputSchema.type).toBe("object");
			expect(tool.outputSchema?.type, tool.name).toBe("object");
		}
		await client.close();
	});

	it("writes through the same services as the API and reads the result back", async () => {
		const client = await connect(ownerKey);
		const upserted = await client.callTool({
			name: "upsert_contact",
			arguments: { email: "Ada@Example.com", first_name: "Ada", attributes: { country: "Germany" }, tags: ["vip"] },
		});
		expect(upserted.isError).toBeFalsy();
		expect(upserted.structuredContent).toMatchObject({ created: true, contact: { email: "ada@example.com" } });

		const segment = await client.callTool({
			name: "create_segment",
			arguments: { name: "Germany", definition: GERMANY },
		});
		expect(segment.structuredContent).toMatchObject({ segment: { name: "Germany", count: 1 } });
		const found = await client.callTool({ name: "search_contacts", arguments: { query: "ada" } });
		expect(found.structuredContent).toMatchObject({ contacts: [{ email: "ada@example.com", tags: ["vip"] }] });
		expect(JSON.parse(textOf(found))).toEqual(found.structuredContent);

		// The API sees what the tools did, and the audit log says they came through MCP.
		const segments = await call("GET", "/api/v1/segments", undefined, { cookie: owner.cookie });
		expect(segments.json.data).toMatchObject([{ name: "Germany", count: 1 }]);
		const audit = await client.callTool({ name: "search_audit_log", arguments: { action: "segment." } });
		expect(audit.structuredContent).toMatchObject({
			entries: [{ action: "segment.created", actor_type: "api_key", metadata: { via: "mcp" } }],
		});
		await client.close();
	});

	it("hands bad input and unknown ids back as tool errors the model can correct", async () => {
		const client = await connect(ownerKey);
		const badTree = await client.callTool({
			name: "create_segment",
			arguments: { name: "Bad", definition: { all: [{ attribute: "country", op: "equals", value: "x" }] } },
		});
		expect(badTree.isError).toBe(true);
		expect(textOf(badTree)).toMatch(/definition\.all\.0\.op/);
		const wrongType = await client.callTool({ name: "search_contacts", arguments: { limit: "ten" } });
		expect(wrongType.isError).toBe(true);
		expect(textOf(wrongType)).toMatch(/limit/);
		const missing = await client.callTool({ name: "get_campaign", arguments: { campaign_id: "cmp_nope" } });
		expect(missing.isError).toBe(true);
		expect(textOf(missing)).toBe("Campaign not found");
		await client.close();
	});

	it("schedules a campaign through the campaign's lifecycle and says what it did; an illegal step is refused", async () => {
		await call(
			"PATCH",
			"/api/v1/workspace",
			{ postal_address: "1 Main St, Berlin", default_from_email: "news@mcp.example" },
			{ cookie: owner.cookie },
		);
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "Hi", html: "<p>Hi</p>" },
			{ cookie: owner.cookie },
		);
		const client = await connect(ownerKey);
		const draft = await client.callTool({
			name: "create_campaign_draft",
			arguments: { name: "Launch", template_id: template.json.id },
		});
		const campaignId = (draft.structuredContent as { campaign: { id: string } }).campaign.id;
		const sendAt = new Date(Date.now() + 86_400_000).toISOString();
		const scheduled = await client.callTool({
			name: "schedule_campaign",
			arguments: { campaign_id: campaignId, send_at: sendAt },
		});
		expect(scheduled.structuredContent).toMatchObject({
			status: "scheduled",
			message: `Scheduled "Launch" to be sent at ${sendAt}.`,
		});
		const campaign = await call("GET", `/api/v1/campaigns/${campaignId}`, undefined, { cookie: owner.cookie });
		expect(campaign.json).toMatchObject({ status: "scheduled", schedule: { send_at: sendAt } });
		const resumed = await client.callTool({ name: "resume_campaign", arguments: { campaign_id: campaignId } });
		expect(resumed.isError).toBe(true);
		const approval = await client.callTool({
			name: "get_approval",
			arguments: { target_type: "campaign", target_id: campaignId },
		});
		expect(approval.structuredContent).toMatchObject({ status: "not_required" });
		const noTest = await client.callTool({ name: "ab_results", arguments: { campaign_id: campaignId } });
		expect(noTest.isError).toBe(true);
		await client.close();
	});

	it("lists reviews awaiting a decision; scheduling waits for approval; reads a journey's stats", async () => {
		const team = await signupOwner("MCP Review");
		const key = (await createKey(team.cookie, "owner")).key;
		const setup = { postal_address: "1 Review Rd", default_from_email: "news@review.example" };
		await call("PATCH", "/api/v1/workspace", setup, { cookie: team.cookie });
		const policy = { stages: [{ name: "Legal", approver_roles: ["admin"], min_approvals: 1 }] };
		expect((await call("PUT", "/api/v1/approval-policy", policy, { cookie: team.cookie })).status).toBe(200);
		const template = await call("POST", "/api/v1/templates", { name: "T", subject: "Hi", html: "<p>Hi</p>" }, team);
		const client = await connect(key);
		const draft = await client.callTool({
			name: "create_campaign_draft",
			arguments: { name: "Needs review", template_id: template.json.id },
		});
		const campaignId = (draft.structuredContent as { campaign: { id: string } }).campaign.id;
		const sendAt = new Date(Date.now() + 86_400_000).toISOString();
		const early = await client.callTool({
			name: "schedule_campaign",
			arguments: { campaign_id: campaignId, send_at: sendAt },
		});
		expect(early.isError).toBe(true);
		expect(textOf(early)).toMatch(/approv/i);
		expect((await client.callTool({ name: "list_pending_approvals", arguments: {} })).structuredContent).toEqual({
			pending: [],
		});
		await client.callTool({ name: "request_approval", arguments: { target_type: "campaign", target_id: campaignId } });
		const pending = await client.callTool({ name: "list_pending_approvals", arguments: {} });
		expect(pending.structuredContent).toMatchObject({
			pending: [
				{
					target_type: "campaign",
					target_id: campaignId,
					name: "Needs review",
					url: `/campaigns/${campaignId}`,
					approval: { status: "pending", stage: "Legal", can_decide: false },
				},
			],
		});
		const campaign = await call("GET", `/api/v1/campaigns/${campaignId}`, undefined, team);
		expect(campaign.json.status).toBe("draft");

		const contact = await call("POST", "/api/v1/contacts", { email: "walker@example.com" }, team);
		const journey = await client.callTool({
			name: "create_journey",
			arguments: {
				name: "Slow welcome",
				definition: {
					entry: { type: "api" },
					start: "wait",
					nodes: { wait: { type: "delay", duration: "P1D", next: "done" }, done: { type: "exit" } },
				},
			},
		});
		const journeyId = (journey.structuredContent as { id: string }).id;
		const held = await client.callTool({ name: "activate_journey", arguments: { journey_id: journeyId } });
		expect(held.isError).toBe(true);
		expect(textOf(held)).toMatch(/approv/i);
		await call("PUT", "/api/v1/approval-policy", { stages: [] }, { cookie: team.cookie });
		const activated = await client.callTool({ name: "activate_journey", arguments: { journey_id: journeyId } });
		expect(activated.structuredContent).toMatchObject({ status: "active" });
		const enrolled = await call("POST", `/api/v1/journeys/${journeyId}/enroll`, { contact_id: contact.json.id }, team);
		expect(enrolled.status).toBe(202);
		const stats = await client.callTool({ name: "journey_stats", arguments: { journey_id: journeyId } });
		expect(stats.isError, textOf(stats)).toBeFalsy();
		expect(stats.structuredContent).toMatchObject({ entered: 1, active: 1, nodes: { wait: { waiting: 1 } } });
		const unknown = await client.callTool({ name: "journey_stats", arguments: { journey_id: "jrn_nope" } });
		expect(unknown.isError).toBe(true);
		await client.close();
	});

	it("lists only read-only tools to a viewer's key, which cannot call a write tool", async () => {
		const client = await connect(viewerKey);
		const { tools } = await client.listTools();
		expect(tools.length).toBeGreaterThan(10);
		for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
		expect(tools.map((t) => t.name)).not.toContain("search_audit_log");
		const refused = await client
			.callTool({ name: "create_segment", arguments: { name: "Viewer", definition: GERMANY } })
			.catch((error: Error) => ({ isError: true, content: [{ type: "text", text: error.message }] }));
		expect(refused.isError).toBe(true);
		const segments = await call("GET", "/api/v1/segments", undefined, { cookie: owner.cookie });
		expect(segments.json.data.map((s: { name: string }) => s.name)).not.toContain("Viewer");
		const read = await client.callTool({ name: "describe_workspace", arguments: {} });
		expect(read.structuredContent).toMatchObject({ workspace: { your_role: "viewer" } });
		await client.close();
	});

	it("offers static lists: an editor's key reads them and adds contacts by email to one named; a viewer's only reads", async () => {
		const as = { cookie: owner.cookie };
		const grace = await call("POST", "/api/v1/contacts", { email: "grace@lists.example" }, as);
		const list = await call("POST", "/api/v1/lists", { name: "Webinar March" }, as);
		const editor = await connect((await createKey(owner.cookie, "editor")).key);
		const byName = new Map((await editor.listTools()).tools.map((t) => [t.name, t]));
		expect(byName.get("list_lists")?.annotations).toMatchObject({ readOnlyHint: true });
		expect(byName.get("add_to_list")?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });

		const added = await editor.callTool({
			name: "add_to_list",
			arguments: { list_name: "Webinar March", emails: ["Grace@Lists.example", "nobody@lists.example"] },
		});
		expect(added.isError, textOf(added)).toBeFalsy();
		expect(added.structuredContent).toEqual({
			list: { id: list.json.id, name: "Webinar March", count: 1 },
			created_list: false,
			added: 1,
			already_on_list: 0,
			not_found: ["nobody@lists.example"],
			url: `/contacts?list=${list.json.id}`,
		});
		const members = await call("GET", `/api/v1/contacts?list_id=${list.json.id}`, undefined, as);
		expect(members.json.data.map((c: { id: string }) => c.id)).toEqual([grace.json.id]);
		const typo = await editor.callTool({
			name: "add_to_list",
			arguments: { list_name: "Webinar Marhc", contact_ids: [grace.json.id] },
		});
		expect(typo.isError).toBe(true);
		expect(textOf(typo)).toMatch(/No list is named "Webinar Marhc".*list_lists/);
		const found = await editor.callTool({ name: "list_lists", arguments: { query: "webinar" } });
		expect(found.structuredContent).toMatchObject({ lists: [{ name: "Webinar March", count: 1 }], next_cursor: null });
		await editor.close();

		const viewer = await connect(viewerKey);
		const names = (await viewer.listTools()).tools.map((t) => t.name);
		expect(names).toContain("list_lists");
		expect(names).not.toContain("add_to_list");
		await viewer.close();
	});

	it("answers 401 without a valid key, and 403 to a page on another origin", async () => {
		const list = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
		const post = (headers: Record<string, string>) =>
			exports.default.fetch(
				new Request(`${ORIGIN}/mcp`, {
					method: "POST",
					headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
					body: JSON.stringify(list),
				}),
			);
		const none = await post({});
		expect(none.status).toBe(401);
		expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
		expect((await post({ authorization: "Bearer pulse_not_a_key" })).status).toBe(401);
		const cookieOnly = await post({ cookie: owner.cookie, origin: ORIGIN });
		expect(cookieOnly.status).toBe(401);
		const elsewhere = await post({ authorization: `Bearer ${ownerKey}`, origin: "https://evil.example" });
		expect(elsewhere.status).toBe(403);
		expect((await elsewhere.json<{ error: { code: string } }>()).error.code).toBe("forbidden");
	});
});
