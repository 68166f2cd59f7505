import { afterEach, describe, expect, it } from "vitest";
import { addMember, call, createKey, env, signupOwner, uniqueEmail } from "./client";
import { freezeAuthClock, PRINCIPAL_TTL_MS, waitUntil } from "./principal-clock";

let clock: ReturnType<typeof freezeAuthClock> | null = null;
afterEach(() => {
	clock?.restore();
	clock = null;
});

const lastUsedAt = async (id: string) =>
	(
		await env.DB.prepare("select last_used_at from api_keys where id = ?")
			.bind(id)
			.first<{ last_used_at: number | null }>()
	)?.last_used_at ?? null;

describe("API keys", () => {
	it("shows the secret once, lists only its prefix, and the key works as a Bearer token", async () => {
		const { cookie, workspace } = await signupOwner("Keys Inc");
		const created = await call("POST", "/api/v1/api-keys", { name: "CI", role: "editor" }, { cookie });
		expect(created.status).toBe(201);
		expect(created.json.key).toMatch(/^pulse_[A-Za-z0-9_-]{43}$/);
		expect(created.json.key.startsWith(created.json.prefix)).toBe(true);

		const list = await call("GET", "/api/v1/api-keys", undefined, { cookie });
		expect(list.json.data).toHaveLength(1);
		expect(list.json.data[0]).toMatchObject({
			name: "CI",
			role: "editor",
			prefix: created.json.prefix,
			last_used_at: null,
		});
		expect(list.text).not.toContain(created.json.key);

		const me = await call("GET", "/api/v1/me", undefined, { apiKey: created.json.key });
		expect(me.status).toBe(200);
		expect(me.json).toMatchObject({ auth: "api_key", role: "editor", user: null, workspace: { id: workspace.id } });
	});

	it("stores only a hash of the secret and records when the key was last used", async () => {
		const { cookie } = await signupOwner();
		const { id, key } = await createKey(cookie, "viewer");
		const stored = await env.DB.prepare("select key_hash from api_keys where id = ?")
			.bind(id)
			.first<{ key_hash: string }>();
		expect(stored?.key_hash).not.toContain(key.slice(6));
		await call("GET", "/api/v1/me", undefined, { apiKey: key });
		await waitUntil(() => lastUsedAt(id));
		const list = await call("GET", "/api/v1/api-keys", undefined, { cookie });
		expect(list.json.data[0].last_used_at).not.toBeNull();
	});

	it("refreshes last_used_at at most once a minute, however busy the key", async () => {
		const { cookie } = await signupOwner();
		const { id, key } = await createKey(cookie, "viewer");
		clock = freezeAuthClock();
		const first = clock.now();
		await call("GET", "/api/v1/me", undefined, { apiKey: key });
		expect(await waitUntil(() => lastUsedAt(id))).toBe(first);

		// Thirty seconds of use (the cache expiring and reloading the key several times) write nothing...
		for (let s = 0; s < 30; s += 3) {
			clock.advance(3_000);
			expect((await call("GET", "/api/v1/me", undefined, { apiKey: key })).status).toBe(200);
		}
		// ...and the first use more than a minute after the last write refreshes it. Had any of the
		// uses above written, this one would be within a minute of it and write nothing.
		clock.advance(31_000);
		await call("GET", "/api/v1/me", undefined, { apiKey: key });
		const second = clock.now();
		expect(await waitUntil(async () => (await lastUsedAt(id)) === second)).toBe(true);
	});

	it("stops a revoked key at once", async () => {
		const { cookie } = await signupOwner();
		const { id, key } = await createKey(cookie, "admin");
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key })).status).toBe(200);
		expect((await call("DELETE", `/api/v1/api-keys/${id}`, undefined, { cookie })).status).toBe(200);
		const res = await call("GET", "/api/v1/me", undefined, { apiKey: key });
		expect(res.status).toBe(401);
		expect((await call("GET", "/api/v1/api-keys", undefined, { cookie })).json.data).toHaveLength(0);
	});

	it("stops a key revoked elsewhere (another isolate, or straight in the database) within 5 seconds", async () => {
		expect(PRINCIPAL_TTL_MS).toBeLessThanOrEqual(5_000);
		const { cookie } = await signupOwner();
		const { id, key } = await createKey(cookie, "admin");
		clock = freezeAuthClock();
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key })).status).toBe(200);
		await env.DB.prepare("update api_keys set revoked_at = ? where id = ?").bind(Date.now(), id).run();
		// Kept busy all the while: use does not extend how long this isolate trusts the key.
		for (let waited = 0; waited < PRINCIPAL_TTL_MS; waited += 1_000) {
			await call("GET", "/api/v1/me", undefined, { apiKey: key });
			clock.advance(Math.min(1_000, PRINCIPAL_TTL_MS - waited));
		}
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key })).status).toBe(401);
	});

	it("refuses an unknown or malformed key", async () => {
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: "pulse_nope" })).status).toBe(401);
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: "something-else" })).status).toBe(401);
	});

	it("never grants a role above the creator's own", async () => {
		const { cookie } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const res = await call("POST", "/api/v1/api-keys", { name: "too strong", role: "owner" }, { cookie: admin.cookie });
		expect(res.status).toBe(403);
		expect(
			(await call("POST", "/api/v1/api-keys", { name: "ok", role: "admin" }, { cookie: admin.cookie })).status,
		).toBe(201);
	});

	it("validates the name and role", async () => {
		const { cookie } = await signupOwner();
		const res = await call("POST", "/api/v1/api-keys", { name: "", role: "superuser" }, { cookie });
		expect(res.status).toBe(400);
		expect(res.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["name", "role"]);
	});

	it("pages through keys newest first with a cursor", async () => {
		const { cookie } = await signupOwner();
		for (const n of [1, 2, 3]) await createKey(cookie, "viewer", `key ${n}`);
		const first = await call("GET", "/api/v1/api-keys?limit=2", undefined, { cookie });
		expect(first.json.data.map((k: { name: string }) => k.name)).toEqual(["key 3", "key 2"]);
		expect(first.json.next_cursor).toBeTruthy();
		const second = await call("GET", `/api/v1/api-keys?limit=2&cursor=${first.json.next_cursor}`, undefined, {
			cookie,
		});
		expect(second.json.data.map((k: { name: string }) => k.name)).toEqual(["key 1"]);
		expect(second.json.next_cursor).toBeNull();
		const bad = await call("GET", "/api/v1/api-keys?limit=501", undefined, { cookie });
		expect(bad.status).toBe(400);
		expect(bad.error.issues[0].path).toBe("limit");
		expect((await call("GET", "/api/v1/api-keys?cursor=garbage!", undefined, { cookie })).status).toBe(400);
	});
});

describe("a key never outlives or outranks the person who created it", () => {
	it("revokes a removed admin's keys at once: they can no longer invite a new admin", async () => {
		const { cookie } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const key = await createKey(admin.cookie, "admin");
		const ownersKey = await createKey(cookie, "admin");
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key.key })).status).toBe(200);
		expect((await call("DELETE", `/api/v1/members/${admin.memberId}`, undefined, { cookie })).status).toBe(200);

		const invite = await call(
			"POST",
			"/api/v1/members",
			{ email: uniqueEmail("mole"), role: "admin" },
			{ apiKey: key.key },
		);
		expect(invite.status).toBe(401);
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key.key })).status).toBe(401);
		const left = (await call("GET", "/api/v1/api-keys", undefined, { cookie })).json.data;
		expect(left.map((k: { id: string }) => k.id)).toEqual([ownersKey.id]);
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: ownersKey.key })).status).toBe(200);

		const audit = await call("GET", "/api/v1/audit-log", undefined, { cookie });
		expect(audit.json.data).toContainEqual(
			expect.objectContaining({
				action: "api_key.revoked",
				target_id: key.id,
				metadata: expect.objectContaining({ reason: "creator_removed" }),
			}),
		);
	});

	it("caps a demoted admin's keys at their new role", async () => {
		const { cookie } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const key = await createKey(admin.cookie, "admin");
		const viewerKey = await createKey(admin.cookie, "viewer");
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key.key })).json.role).toBe("admin");
		expect((await call("PATCH", `/api/v1/members/${admin.memberId}`, { role: "editor" }, { cookie })).status).toBe(200);

		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key.key })).json.role).toBe("editor");
		const invite = await call(
			"POST",
			"/api/v1/members",
			{ email: uniqueEmail("mole"), role: "admin" },
			{ apiKey: key.key },
		);
		expect(invite.status).toBe(403);
		const roles = (await call("GET", "/api/v1/api-keys", undefined, { cookie })).json.data.map(
			(k: { id: string; role: string }) => [k.id, k.role],
		);
		expect(roles).toEqual(
			expect.arrayContaining([
				[key.id, "editor"],
				[viewerKey.id, "viewer"],
			]),
		);

		const audit = await call("GET", "/api/v1/audit-log", undefined, { cookie });
		expect(audit.json.data).toContainEqual(
			expect.objectContaining({
				action: "api_key.role_capped",
				target_id: key.id,
				metadata: expect.objectContaining({ from: "admin", to: "editor" }),
			}),
		);
	});

	it("acts with the lower of the key's role and its creator's current role within 5 seconds, even when the key was missed", async () => {
		const { cookie, workspace } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const key = await createKey(admin.cookie, "admin");
		clock = freezeAuthClock();
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key.key })).json.role).toBe("admin");
		// Someone's role changes without going through the members API (a missed cap).
		await env.DB.prepare("update memberships set role = 'viewer' where id = ?").bind(admin.memberId).run();
		clock.advance(PRINCIPAL_TTL_MS);
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: key.key })).json.role).toBe("viewer");
		expect((await call("PATCH", "/api/v1/workspace", { name: "Taken" }, { apiKey: key.key })).status).toBe(403);

		// Their membership disappears without the keys being revoked (a missed revocation).
		await env.DB.prepare("delete from memberships where id = ?").bind(admin.memberId).run();
		clock.advance(PRINCIPAL_TTL_MS);
		const me = await call("GET", "/api/v1/me", undefined, { apiKey: key.key });
		expect(me.status).toBe(401);
		expect(me.error.code).toBe("unauthorized");
		expect(workspace.id).toBeTruthy();
	});

	it("shows who created each key, also when a key created it", async () => {
		const { cookie, email, user } = await signupOwner();
		const parent = await createKey(cookie, "admin", "parent");
		const child = await call("POST", "/api/v1/api-keys", { name: "child", role: "editor" }, { apiKey: parent.key });
		expect(child.status).toBe(201);
		const creator = { id: user.id, name: "Olive Owner", email };
		expect(child.json.created_by).toEqual(creator);

		const list = await call("GET", "/api/v1/api-keys", undefined, { cookie });
		expect(list.json.data.map((k: { name: string; created_by: unknown }) => [k.name, k.created_by])).toEqual([
			["child", creator],
			["parent", creator],
		]);
		const stored = await env.DB.prepare("select created_by from api_keys where id = ?")
			.bind(child.json.id)
			.first<{ created_by: string }>();
		expect(stored?.created_by).toBe(user.id);
	});

	it("follows keys made by keys before creators were recorded back to the person behind them", async () => {
		const { cookie } = await signupOwner();
		const admin = await addMember(cookie, "admin");
		const parent = await createKey(admin.cookie, "admin");
		const child = await createKey(cookie, "editor");
		await env.DB.prepare("update api_keys set created_by = ? where id = ?").bind(parent.id, child.id).run();
		clock = freezeAuthClock();
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: child.key })).json.role).toBe("editor");

		await env.DB.prepare("delete from memberships where id = ?").bind(admin.memberId).run();
		clock.advance(PRINCIPAL_TTL_MS);
		expect((await call("GET", "/api/v1/me", undefined, { apiKey: child.key })).status).toBe(401);
	});
});
