import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { systemPrompt } from "../worker/ai/prompt";
import { describeWorkspaceForAssistant } from "../worker/ai/workspace-summary";
import { addMember, call, signupOwner, uniqueEmail } from "./client";

// The worker project runs without RESEND_API_KEY: the capture outbox (test mode).

describe("test mode", () => {
	it("says no provider is connected, to every member, and never shows a key", async () => {
		const owner = await signupOwner("Setup Co");
		const viewer = await addMember(owner.cookie, "viewer");
		const status = await call("GET", "/api/v1/workspace/provider", undefined, viewer);
		expect(status.status).toBe(200);
		expect(status.json).toEqual({ connected: false, source: "none", provider: null });
	});
});

describe("the assistant's setup help", () => {
	it("knows whether sending is set up and the workspace's topics, and guides a marketer through connecting Resend", async () => {
		const owner = await signupOwner("Assist Co");
		await call("POST", "/api/v1/topics", { name: "Events" }, owner);
		const principal = {
			kind: "session" as const,
			userId: owner.user.id,
			sessionId: "s",
			workspaceId: owner.workspace.id,
			role: "owner" as const,
		};
		const summary = await describeWorkspaceForAssistant(env.DB, principal);
		expect(summary.sending).toEqual({ connected: false, source: "none" });
		expect(summary.topics?.map((t) => t.name)).toEqual(["Events"]);
		const prompt = systemPrompt({ workspaceName: "Assist Co", role: "owner", today: "2026-12-02" });
		expect(prompt).toContain("Settings → Sending");
		expect(prompt).toContain("never into this chat");
	});
});

describe("invitations", () => {
	it("are emailed through the workspace's provider (the Outbox in test mode), and the link can still be copied", async () => {
		const owner = await signupOwner("Invite Co");
		const email = uniqueEmail("newcomer");
		const invited = await call("POST", "/api/v1/members", { email, role: "editor" }, owner);
		expect(invited.status).toBe(201);
		expect(invited.json.invite_url).toMatch(/\/invite\//);
		expect(invited.json.invite_email).toEqual({ status: "captured" });

		const outbox = await call("GET", "/api/v1/outbox", undefined, owner);
		const message = outbox.json.data.find((m: { to: string }) => m.to === email);
		expect(message.subject).toBe("Olive Owner invited you to Invite Co on Pulse");
		expect(message.html).toContain(invited.json.invite_url);
		expect(message.text).toContain(invited.json.invite_url);
	});
});

describe("API reference", () => {
	it("carries an example request for every route, in the OpenAPI document and on /api/docs", async () => {
		const doc = await call("GET", "/api/openapi.json");
		const operations = Object.values(
			doc.json.paths as Record<string, Record<string, { "x-codeSamples"?: { source: string }[] }>>,
		).flatMap((item) => Object.values(item));
		expect(operations.length).toBeGreaterThan(40);
		for (const op of operations)
			expect(op["x-codeSamples"]?.[0]?.source).toMatch(
				/^curl -X (GET|POST|PUT|PATCH|DELETE) "http:\/\/pulse\.test\/(api\/v1\/|v1\/|mcp)/,
			);

		const topic = doc.json.paths["/api/v1/topics"].post["x-codeSamples"][0].source as string;
		expect(topic).toContain('-H "Authorization: Bearer $PULSE_API_KEY"');
		expect(topic).toContain(`-d '{"name":"Product news"}'`);
		const campaign = doc.json.paths["/api/v1/campaigns/{id}"].patch["x-codeSamples"][0].source as string;
		expect(campaign).toContain('"http://pulse.test/api/v1/campaigns/id_123"');
		const signup = doc.json.paths["/api/v1/auth/signup"].post["x-codeSamples"][0].source as string;
		expect(signup).not.toContain("Authorization");
		expect(JSON.parse(/-d '(.*)'$/s.exec(signup)?.[1] ?? "{}")).toMatchObject({
			email: expect.any(String),
			password: expect.any(String),
		});
		const csv = doc.json.paths["/api/v1/contacts/import"].post["x-codeSamples"][0].source as string;
		expect(csv).toContain("--data-binary @contacts.csv");

		const page = await call("GET", "/api/docs");
		expect(page.text).toContain("Example request");
		expect(page.text).toContain("curl -X POST &quot;http://pulse.test/api/v1/topics&quot;");
	});
});
