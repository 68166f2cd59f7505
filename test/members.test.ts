import { describe, expect, it } from "vitest";
import { addMember, call, PASSWORD, signupOwner, uniqueEmail } from "./client";

describe("members", () => {
	it("invites by email; the invitee signs up through the link and joins with that role", async () => {
		const { cookie, workspace } = await signupOwner("Team");
		const email = uniqueEmail("invitee");
		const invite = await call("POST", "/api/v1/members", { email, role: "editor" }, { cookie });
		expect(invite.status).toBe(201);
		expect(invite.json).toMatchObject({ email, role: "editor", status: "invited" });
		expect(invite.json.invite_url).toMatch(/^http:\/\/pulse\.test\/invite\/[\w-]+$/);

		const token = invite.json.invite_url.split("/invite/")[1];
		const joined = await call("POST", "/api/v1/auth/signup", {
			email,
			password: PASSWORD,
			name: "Ed",
			invite_token: token,
		});
		expect(joined.status).toBe(201);
		expect(joined.json).toMatchObject({ role: "editor", workspace: { id: workspace.id } });

		const list = await call("GET", "/api/v1/members", undefined, { cookie });
		expect(list.json.data.map((m: { email: string; status: string }) => [m.email, m.status])).toContainEqual([
			email,
			"active",
		]);
		const reused = await call("POST", "/api/v1/auth/signup", {
			email: uniqueEmail(),
			password: PASSWORD,
			name: "X",
			invite_token: token,
		});
		expect(reused.status).toBe(404);
	});

	it("lets an existing user accept an invitation and switch between workspaces", async () => {
		const first = await signupOwner("First");
		const second = await signupOwner("Second");
		const invite = await call(
			"POST",
			"/api/v1/members",
			{ email: second.email, role: "viewer" },
			{ cookie: first.cookie },
		);
		const token = invite.json.invite_url.split("/invite/")[1];
		expect((await call("POST", "/api/v1/auth/accept-invite", { token }, { cookie: second.cookie })).status).toBe(200);
		const me = await call("GET", "/api/v1/me", undefined, { cookie: second.cookie });
		expect(me.json).toMatchObject({ role: "viewer", workspace: { name: "First" } });
		expect(me.json.workspaces).toHaveLength(2);
		await call(
			"POST",
			"/api/v1/auth/switch-workspace",
			{ workspace_id: second.workspace.id },
			{ cookie: second.cookie },
		);
		expect((await call("GET", "/api/v1/me", undefined, { cookie: second.cookie })).json.role).toBe("owner");
	});

	it("refuses an invitation meant for another address", async () => {
		const { cookie } = await signupOwner();
		const invite = await call("POST", "/api/v1/members", { email: uniqueEmail("meant"), role: "editor" }, { cookie });
		const token = invite.json.invite_url.split("/invite/")[1];
		const res = await call("POST", "/api/v1/auth/signup", {
			email: uniqueEmail("other"),
			password: PASSWORD,
			name: "X",
			invite_token: token,
		});
		expect(res.status).toBe(403);
	});

	it("changes roles, and a removed member loses access at once", async () => {
		const { cookie } = await signupOwner();
		const editor = await addMember(cookie, "editor");
		expect((await call("GET", "/api/v1/me", undefined, { cookie: editor.cookie })).json.role).toBe("editor");
		const changed = await call("PATCH", `/api/v1/members/${editor.memberId}`, { role: "viewer" }, { cookie });
		expect(changed.status).toBe(200);
		expect(changed.json.role).toBe("viewer");
		expect((await call("GET", "/api/v1/me", undefined, { cookie: editor.cookie })).json.role).toBe("viewer");

		expect((await call("DELETE", `/api/v1/members/${editor.memberId}`, undefined, { cookie })).status).toBe(200);
		expect((await call("GET", "/api/v1/me", undefined, { cookie: editor.cookie })).status).toBe(401);
	});

	it("does not let admins remove or demote owners, or grant owner", async () => {
		const { cookie } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const members = await call("GET", "/api/v1/members", undefined, { cookie });
		const owner = members.json.data.find((m: { role: string }) => m.role === "owner");
		expect((await call("DELETE", `/api/v1/members/${owner.id}`, undefined, { cookie: admin.cookie })).status).toBe(403);
		expect(
			(await call("PATCH", `/api/v1/members/${owner.id}`, { role: "viewer" }, { cookie: admin.cookie })).status,
		).toBe(403);
		const invite = await call(
			"POST",
			"/api/v1/members",
			{ email: uniqueEmail(), role: "owner" },
			{ cookie: admin.cookie },
		);
		expect(invite.status).toBe(403);
	});

	it("keeps at least one owner", async () => {
		const { cookie } = await signupOwner();
		const members = await call("GET", "/api/v1/members", undefined, { cookie });
		const me = members.json.data[0];
		// The member's user id is the audit log's actor_id (the dashboard names the actor with it).
		const self = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.user_id).toBe(self.json.user.id);
		const res = await call("PATCH", `/api/v1/members/${me.id}`, { role: "admin" }, { cookie });
		expect(res.status).toBe(409);
		expect((await call("DELETE", `/api/v1/members/${me.id}`, undefined, { cookie })).status).toBe(409);
	});

	it("refuses to invite an existing member, and cancels a pending invitation", async () => {
		const { cookie, email } = await signupOwner();
		const dup = await call("POST", "/api/v1/members", { email, role: "editor" }, { cookie });
		expect(dup.status).toBe(409);
		expect(dup.error.issues[0].path).toBe("email");
		const invite = await call("POST", "/api/v1/members", { email: uniqueEmail(), role: "editor" }, { cookie });
		expect((await call("DELETE", `/api/v1/members/${invite.json.id}`, undefined, { cookie })).status).toBe(200);
		const token = invite.json.invite_url.split("/invite/")[1];
		const res = await call("POST", "/api/v1/auth/signup", {
			email: invite.json.email,
			password: PASSWORD,
			name: "Late",
			invite_token: token,
		});
		expect(res.status).toBe(404);
	});
});
