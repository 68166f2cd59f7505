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
});
