import { describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";

describe("workspace settings", () => {
	it("lets an admin set the name, postal address, default sender and send rate", async () => {
		const { cookie } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const patch = {
			name: "Acme Mail",
			postal_address: "1 Market St, San Francisco, CA",
			default_from_name: "Acme",
			default_from_email: "News@Acme.example",
			send_rate_per_second: 150,
		};
		const res = await call("PATCH", "/api/v1/workspace", patch, { cookie: admin.cookie });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ ...patch, default_from_email: "news@acme.example" });
		const me = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.json.workspace.postal_address).toBe(patch.postal_address);
	});

	it("refuses editors and viewers", async () => {
		const { cookie } = await signupOwner();
		for (const role of ["editor", "viewer"]) {
			const member = await addMember(cookie, role);
			const res = await call("PATCH", "/api/v1/workspace", { name: "Mine" }, { cookie: member.cookie });
			expect(res.status).toBe(403);
			expect(res.error.code).toBe("forbidden");
		}
	});

	it("names the field at fault and refuses unknown fields", async () => {
		const { cookie } = await signupOwner();
		const bad = await call(
			"PATCH",
			"/api/v1/workspace",
			{ default_from_email: "nope", send_rate_per_second: 0 },
			{ cookie },
		);
		expect(bad.status).toBe(400);
		expect(bad.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
			"default_from_email",
			"send_rate_per_second",
		]);
		const unknown = await call("PATCH", "/api/v1/workspace", { plan: "enterprise" }, { cookie });
		expect(unknown.status).toBe(400);
	});

	it("writes every change to the audit log, readable by admins", async () => {
		const { cookie } = await signupOwner();
		await call("PATCH", "/api/v1/workspace", { name: "Audited" }, { cookie });
		const log = await call("GET", "/api/v1/audit-log", undefined, { cookie });
		expect(log.status).toBe(200);
		const actions = log.json.data.map((e: { action: string }) => e.action);
		expect(actions).toEqual(expect.arrayContaining(["workspace.updated", "auth.signup"]));
		expect(actions[0]).toBe("workspace.updated");
	});

	it("refuses a default sender name that would smuggle in a header, naming default_from_name", async () => {
		const { cookie } = await signupOwner();
		for (const name of [
			"Acme\r\nBcc: spy@evil.test <news@x.test>",
			"Acme\nBcc: spy@evil.test",
			"Acme\u0000",
			"\u202eemca",
			"Acme\u0085",
		]) {
			const res = await call("PATCH", "/api/v1/workspace", { default_from_name: name }, { cookie });
			expect(res.status, JSON.stringify(name)).toBe(400);
			expect(res.error.issues.map((i: { path: string }) => i.path)).toEqual(["default_from_name"]);
		}
		const me = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.json.workspace.default_from_name).not.toMatch(/Bcc/);
	});

	it("refuses sender addresses with NUL or text-direction characters", async () => {
		const { cookie } = await signupOwner();
		for (const email of ["news\u0000@acme.example", "news\u202e@acme.example", "news@acme\u202e.example"]) {
			const res = await call("PATCH", "/api/v1/workspace", { default_from_email: email }, { cookie });
			expect(res.status, JSON.stringify(email)).toBe(400);
			expect(res.error.issues.map((i: { path: string }) => i.path)).toEqual(["default_from_email"]);
		}
	});

	it("sends test emails with the default sender name quoted, so a quote or comma stays in the name", async () => {
		const { cookie } = await signupOwner();
		const patch = { default_from_name: 'Acme, "Best" Shop', default_from_email: "news@acme.example" };
		expect((await call("PATCH", "/api/v1/workspace", patch, { cookie })).status).toBe(200);
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "Hi", html: "<p>Hi</p>" },
			{ cookie },
		);
		const sent = await call(
			"POST",
			`/api/v1/templates/${template.json.id}/test-send`,
			{ to: ["qa@example.com"] },
			{ cookie },
		);
		expect(sent.status).toBe(200);
		const outbox = await call("GET", "/api/v1/outbox", undefined, { cookie });
		expect(outbox.json.data[0].from).toBe('"Acme, \\"Best\\" Shop" <news@acme.example>');
	});

	it("allows any sender domain in capture mode (no RESEND_API_KEY: nothing leaves the machine)", async () => {
		const { cookie } = await signupOwner();
		const res = await call(
			"PATCH",
			"/api/v1/workspace",
			{ default_from_email: "news@never-verified.example" },
			{ cookie },
		);
		expect(res.status).toBe(200);
		const domains = await call("GET", "/api/v1/sending-domains", undefined, { cookie });
		expect(domains.json).toEqual({ data: [], next_cursor: null, enforced: false });
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "Hi", html: "<p>Hi</p>" },
			{ cookie },
		);
		const campaign = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "C", template_id: template.json.id, from_email: "promo@also-unverified.example" },
			{ cookie },
		);
		expect(campaign.status).toBe(201);
	});
});
