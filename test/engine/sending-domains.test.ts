import { describe, expect, it } from "vitest";
import { call, signupOwner } from "../client";
import { createCampaign, fake, sendingWorkspace, waitForStatus } from "./engine-helpers";

// The engine project runs with RESEND_API_KEY (the real SDK against the fake Resend server), so From
// domains are enforced; SENDING_DOMAINS gives engine.example to every workspace (vitest.config.ts).

let counter = 0;
const uniqueDomain = (label = "shop") => `${label}${Date.now().toString(36)}${++counter}.example`;

type Caller = { cookie: string };
const paths = (res: { error: { issues?: { path: string }[] } }) => (res.error.issues ?? []).map((i) => i.path);

async function addDomain(as: Caller, domain: string) {
	const res = await call("POST", "/api/v1/sending-domains", { domain }, as);
	if (res.status !== 201) throw new Error(res.text);
	return res.json as { id: string; domain: string; status: string; records: { record: string }[] };
}

async function verifiedDomain(as: Caller, domain = uniqueDomain()) {
	const added = await addDomain(as, domain);
	const verified = await call("POST", `/api/v1/sending-domains/${added.id}/verify`, undefined, as);
	if (verified.json?.status !== "verified") throw new Error(verified.text);
	return added;
}

describe("sending domains with Resend configured", () => {
	it("refuses a default sender on a domain the workspace has not verified, and accepts it once Resend verifies it", async () => {
		const { cookie } = await signupOwner("Domains Co");
		const domain = uniqueDomain();
		const patch = { default_from_email: `news@${domain}` };
		const refused = await call("PATCH", "/api/v1/workspace", patch, { cookie });
		expect(refused.status).toBe(422);
		expect(refused.error.code).toBe("unprocessable");
		expect(paths(refused)).toEqual(["default_from_email"]);
		expect(refused.error.message).toMatch(/add it .*and verify it/);

		const added = await call("POST", "/api/v1/sending-domains", { domain }, { cookie });
		expect(added.status).toBe(201);
		expect(added.json).toMatchObject({ domain, status: "pending", source: "provider", verified_at: null });
		expect(added.json.records.map((r: { record: string }) => r.record)).toContain("DKIM");
		expect((await call("PATCH", "/api/v1/workspace", patch, { cookie })).status).toBe(422);

		const verified = await call("POST", `/api/v1/sending-domains/${added.json.id}/verify`, undefined, { cookie });
		expect(verified.status).toBe(200);
		expect(verified.json).toMatchObject({ id: added.json.id, status: "verified" });
		expect(verified.json.verified_at).not.toBeNull();
		expect((await call("PATCH", "/api/v1/workspace", patch, { cookie })).status).toBe(200);

		const list = await call("GET", "/api/v1/sending-domains", undefined, { cookie });
		expect(list.json.enforced).toBe(true);
		expect(list.json.data).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ domain, status: "verified", source: "provider" }),
				expect.objectContaining({ domain: "engine.example", status: "verified", source: "operator" }),
			]),
		);
	});

	it("keeps a domain to the workspace that registered it, and does not cover its subdomains", async () => {
		const owner = await signupOwner("First Co");
		const domain = uniqueDomain();
		await verifiedDomain(owner, domain);
		const other = await signupOwner("Second Co");
		const taken = await call("POST", "/api/v1/sending-domains", { domain }, other);
		expect(taken.status).toBe(409);
		expect(taken.error.code).toBe("conflict");
		expect(taken.text).not.toMatch(/First Co|ws_/);
		const stolen = await call("PATCH", "/api/v1/workspace", { default_from_email: `ceo@${domain}` }, other);
		expect(stolen.status).toBe(422);
		const sub = await call("PATCH", "/api/v1/workspace", { default_from_email: `news@mail.${domain}` }, owner);
		expect(sub.status).toBe(422);
		// The operator's domain is not for the taking either.
		expect((await call("POST", "/api/v1/sending-domains", { domain: "engine.example" }, other)).status).toBe(409);
		const removeOperator = await call("DELETE", "/api/v1/sending-domains/operator:engine.example", undefined, other);
		expect(removeOperator.status).toBe(409);
	});

	it("refuses a campaign sender outside the verified domains on create, edit, schedule and send", async () => {
		const { cookie, templateId } = await sendingWorkspace(3);
		const domain = uniqueDomain();
		const create = (from_email: string) =>
			call("POST", "/api/v1/campaigns", { name: "C", template_id: templateId, from_email }, { cookie });
		const refused = await create(`promo@${domain}`);
		expect(refused.status).toBe(422);
		expect(paths(refused)).toEqual(["from_email"]);

		const added = await verifiedDomain({ cookie }, domain);
		const created = await create(`promo@${domain}`);
		expect(created.status).toBe(201);
		const id = created.json.id;
		const edit = await call("PATCH", `/api/v1/campaigns/${id}`, { from_email: `promo@${uniqueDomain()}` }, { cookie });
		expect(edit.status).toBe(422);
		expect(paths(edit)).toEqual(["from_email"]);

		expect((await call("DELETE", `/api/v1/sending-domains/${added.id}`, undefined, { cookie })).status).toBe(200);
		const sendAt = new Date(Date.now() + 3_600_000).toISOString();
		const schedule = await call("POST", `/api/v1/campaigns/${id}/schedule`, { send_at: sendAt }, { cookie });
		expect(schedule.status).toBe(422);
		expect(paths(schedule)).toEqual(["from_email"]);
		await fake.reset();
		const send = await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
		expect(send.status).toBe(422);
		expect(paths(send)).toEqual(["from_email"]);
		expect((await call("GET", `/api/v1/campaigns/${id}`, undefined, { cookie })).json.status).toBe("draft");
		expect((await fake.received()).emails).toHaveLength(0);
	});

	it("refuses a test send whose default sender's domain was removed", async () => {
		const { cookie, templateId } = await sendingWorkspace(1);
		const domain = uniqueDomain();
		const added = await verifiedDomain({ cookie }, domain);
		await call("PATCH", "/api/v1/workspace", { default_from_email: `news@${domain}` }, { cookie });
		const test = () =>
			call("POST", `/api/v1/templates/${templateId}/test-send`, { to: ["qa@engine.example"] }, { cookie });
		await fake.reset();
		expect((await test()).status).toBe(200);
		expect((await call("DELETE", `/api/v1/sending-domains/${added.id}`, undefined, { cookie })).status).toBe(200);
		const refused = await test();
		expect(refused.status).toBe(422);
		expect(paths(refused)).toEqual(["default_from_email"]);
		expect((await fake.received()).emails).toHaveLength(1);
		// Removed from the provider's account too, so it can be registered again.
		const domains = (await fake.admin("domains")) as { domains: { name: string }[] };
		expect(domains.domains.map((d) => d.name)).not.toContain(domain);
	});

	it("keeps refusing a domain whose DNS check fails", async () => {
		const { cookie } = await signupOwner("Failing Co");
		const domain = uniqueDomain();
		await fake.admin("domains", { name: domain, outcome: "failed" });
		const added = await addDomain({ cookie }, domain);
		const verified = await call("POST", `/api/v1/sending-domains/${added.id}/verify`, undefined, { cookie });
		expect(verified.json).toMatchObject({ status: "failed", verified_at: null });
		const patch = await call("PATCH", "/api/v1/workspace", { default_from_email: `news@${domain}` }, { cookie });
		expect(patch.status).toBe(422);
	});

	it("sends a quoted sender name through Resend, one address in From", async () => {
		const { cookie, templateId } = await sendingWorkspace(2);
		const id = await createCampaign(cookie, templateId, { from_name: 'Engine, "Best" <x@evil.test>' });
		await fake.reset();
		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
		await waitForStatus(cookie, id, "completed");
		const received = (await fake.received()) as unknown as { emails: { from: string }[] };
		expect(received.emails.map((e) => e.from)).toEqual([
			'"Engine, \\"Best\\" <x@evil.test>" <news@engine.example>',
			'"Engine, \\"Best\\" <x@evil.test>" <news@engine.example>',
		]);
	});
});
