import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addMember, call, uniqueEmail } from "../client";
import { createCampaign, fake, sendingWorkspace, waitForStatus } from "./engine-helpers";

// The engine project runs with RESEND_API_KEY=re_test_engine against the fake Resend server (which refuses any
// key not starting with `re_`); a workspace's own key must win over it.
const OWN_KEY = "re_workspace_own_k3y9";

type Requests = { requests: { idempotencyKey: string | null; keyTail: string | null; status: number }[] };

describe("a workspace's own Resend key", () => {
	it("is stored by owners only, checked with Resend first, sealed at rest and never shown again", async () => {
		const owner = await sendingWorkspace(1);
		const admin = await addMember(owner.cookie, "admin");
		const viewer = await addMember(owner.cookie, "viewer");

		const before = await call("GET", "/api/v1/workspace/provider", undefined, viewer);
		expect(before.json).toEqual({ connected: true, source: "environment", provider: "resend" });
		const body = { resend_api_key: OWN_KEY };
		expect((await call("PUT", "/api/v1/workspace/provider", body, admin)).status).toBe(403);
		expect((await call("PUT", "/api/v1/workspace/provider", body, viewer)).status).toBe(403);

		const refused = await call("PUT", "/api/v1/workspace/provider", { resend_api_key: "not_a_resend_key" }, owner);
		expect(refused.status).toBe(422);
		expect(refused.error.code).toBe("provider_key_invalid");
		expect(refused.error.issues[0].path).toBe("resend_api_key");

		const connected = await call("PUT", "/api/v1/workspace/provider", body, owner);
		expect(connected.status).toBe(200);
		expect(connected.json).toMatchObject({ connected: true, source: "workspace", key_last4: "k3y9" });
		expect(connected.text).not.toContain(OWN_KEY);
		const read = await call("GET", "/api/v1/workspace/provider", undefined, viewer);
		expect(read.json).toMatchObject({ source: "workspace", key_last4: "k3y9" });
		expect(read.text).not.toContain(OWN_KEY);

		const stored = await env.DB.prepare("SELECT * FROM workspace_provider_keys WHERE workspace_id = ?")
			.bind(owner.workspace.id)
			.first<Record<string, string>>();
		expect(stored).not.toBeNull();
		expect(JSON.stringify(stored)).not.toContain(OWN_KEY);
		expect(JSON.stringify(stored)).not.toContain("workspace_own");

		const audit = await call("GET", "/api/v1/audit-log", undefined, owner);
		expect(audit.text).not.toContain(OWN_KEY);

		expect((await call("DELETE", "/api/v1/workspace/provider", undefined, admin)).status).toBe(403);
		const disconnected = await call("DELETE", "/api/v1/workspace/provider", undefined, owner);
		expect(disconnected.json).toMatchObject({ source: "environment" });
	});

	it("sends the workspace's campaigns and invitations with its key, through its own account's gate", async () => {
		await fake.reset();
		const owner = await sendingWorkspace(3);
		expect((await call("PUT", "/api/v1/workspace/provider", { resend_api_key: OWN_KEY }, owner)).status).toBe(200);

		const id = await createCampaign(owner.cookie, owner.templateId);
		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, owner)).status).toBe(202);
		const done = await waitForStatus(owner.cookie, id, "completed");
		expect(done.sent).toBe(3);

		const invitee = uniqueEmail("invitee");
		const invite = await call("POST", "/api/v1/members", { email: invitee, role: "editor" }, owner);
		expect(invite.json.invite_email).toEqual({ status: "sent" });

		const received = await fake.received();
		const accepted = (received.requests as unknown as Requests["requests"]).filter((r) => r.status === 200);
		expect(accepted.length).toBeGreaterThanOrEqual(2);
		expect(accepted.every((r) => r.keyTail === "k3y9")).toBe(true);
		const invitation = received.emails.find((e) => e.to.includes(invitee));
		expect(invitation?.html).toContain(invite.json.invite_url);
	});

	it("lists the sending domains of the workspace's Resend account, with their DNS records", async () => {
		const owner = await sendingWorkspace(1);
		const name = `own${Date.now().toString(36)}.example`;
		// Added in Resend's own dashboard, not through Pulse.
		const made = await fetch(`${env.FAKE_RESEND_URL}/domains`, {
			method: "POST",
			headers: { authorization: `Bearer ${OWN_KEY}`, "content-type": "application/json" },
			body: JSON.stringify({ name }),
		});
		expect(made.status).toBe(201);
		const before = await call("GET", "/api/v1/sending-domains", undefined, owner);
		expect(before.json.data.map((d: { domain: string }) => d.domain)).not.toContain(name);

		await call("PUT", "/api/v1/workspace/provider", { resend_api_key: OWN_KEY }, owner);
		const list = await call("GET", "/api/v1/sending-domains", undefined, owner);
		const listed = list.json.data.find((d: { domain: string }) => d.domain === name);
		expect(listed).toMatchObject({ status: "pending", source: "provider" });
		expect(listed.records.map((r: { record: string }) => r.record)).toContain("DKIM");
	});
});
