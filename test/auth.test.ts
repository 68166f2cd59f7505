import { describe, expect, it } from "vitest";
import { call, env, PASSWORD, sessionCookie, signupOwner, uniqueEmail } from "./client";
import { freezeAuthClock, PRINCIPAL_TTL_MS } from "./principal-clock";

describe("signup", () => {
	it("creates the user, a workspace they own, and signs them in with a secure session cookie", async () => {
		const email = uniqueEmail();
		const res = await call("POST", "/api/v1/auth/signup", {
			email: `  ${email.toUpperCase()} `,
			password: PASSWORD,
			name: "Ada",
			workspace_name: "Ada's shop",
		});
		expect(res.status).toBe(201);
		expect(res.json.user.email).toBe(email);
		expect(res.json.workspace.name).toBe("Ada's shop");
		expect(res.json.role).toBe("owner");
		expect(res.json.user).not.toHaveProperty("password_hash");
		const cookie = res.headers.get("set-cookie") ?? "";
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).not.toMatch(/Secure/);

		const me = await call("GET", "/api/v1/me", undefined, { cookie: sessionCookie(res.headers) });
		expect(me.status).toBe(200);
		expect(me.json).toMatchObject({ role: "owner", auth: "session", user: { email, name: "Ada" } });
	});

	it("marks the cookie Secure when served over https", async () => {
		const res = await call(
			"POST",
			"/api/v1/auth/signup",
			{ email: uniqueEmail(), password: PASSWORD, name: "Ada", workspace_name: "W" },
			{ https: true },
		);
		expect(res.status).toBe(201);
		expect(res.headers.get("set-cookie")).toMatch(/Secure/);
	});

	it("stores the password as a salted PBKDF2 hash, never in clear", async () => {
		const { email } = await signupOwner();
		const row = await env.DB.prepare("select password_hash from users where email = ?")
			.bind(email)
			.first<{ password_hash: string }>();
		expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
		expect(row?.password_hash).not.toContain(PASSWORD);
	});

	it("names each invalid field", async () => {
		const res = await call("POST", "/api/v1/auth/signup", { email: "not-an-email", password: "short", name: "" });
		expect(res.status).toBe(400);
		expect(res.error.code).toBe("validation_failed");
		const paths = res.error.issues.map((i: { path: string }) => i.path);
		expect(paths).toEqual(expect.arrayContaining(["email", "password", "name"]));
		expect(res.error.request_id).toBe(res.headers.get("x-request-id"));
	});

	it("refuses a second account with the same email (any case) with 409 on the email field", async () => {
		const { email } = await signupOwner();
		const res = await call("POST", "/api/v1/auth/signup", {
			email: email.toUpperCase(),
			password: PASSWORD,
			name: "Copy",
			workspace_name: "Copy",
		});
		expect(res.status).toBe(409);
		expect(res.error.issues[0].path).toBe("email");
	});

	it("answers malformed JSON with a 400 error body, not HTML", async () => {
		const res = await call("POST", "/api/v1/auth/signup", "{not json");
		expect(res.status).toBe(400);
		expect(res.headers.get("content-type")).toMatch(/application\/json/);
		expect(res.error.code).toBe("bad_request");
	});
});

describe("login and logout", () => {
	it("signs in with the right password and out again, after which the old cookie is refused", async () => {
		const { email } = await signupOwner();
		const login = await call("POST", "/api/v1/auth/login", { email, password: PASSWORD });
		expect(login.status).toBe(200);
		const cookie = sessionCookie(login.headers);
		expect((await call("GET", "/api/v1/me", undefined, { cookie })).status).toBe(200);

		const logout = await call("POST", "/api/v1/auth/logout", undefined, { cookie });
		expect(logout.status).toBe(200);
		expect(logout.headers.get("set-cookie")).toMatch(/pulse_session=;/);
		const after = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(after.status).toBe(401);
		expect(after.error.code).toBe("unauthorized");
	});

	it("stops a session signed out elsewhere (another isolate, or straight in the database) within 5 seconds", async () => {
		expect(PRINCIPAL_TTL_MS).toBeLessThanOrEqual(5_000);
		const { cookie, user } = await signupOwner();
		const clock = freezeAuthClock();
		try {
			expect((await call("GET", "/api/v1/me", undefined, { cookie })).status).toBe(200);
			await env.DB.prepare("update sessions set revoked_at = ? where user_id = ?").bind(Date.now(), user.id).run();
			clock.advance(PRINCIPAL_TTL_MS);
			expect((await call("GET", "/api/v1/me", undefined, { cookie })).status).toBe(401);
		} finally {
			clock.restore();
		}
	});

	it("never trusts a session past its expiry, even one this isolate has just checked", async () => {
		const { cookie, user } = await signupOwner();
		const clock = freezeAuthClock();
		try {
			const expiresAt = clock.now() + 1_000;
			await env.DB.prepare("update sessions set expires_at = ? where user_id = ?").bind(expiresAt, user.id).run();
			expect((await call("GET", "/api/v1/me", undefined, { cookie })).status).toBe(200);
			clock.advance(1_000);
			expect((await call("GET", "/api/v1/me", undefined, { cookie })).status).toBe(401);
		} finally {
			clock.restore();
		}
	});

	it("gives the same answer for a wrong password and an unknown email", async () => {
		const { email } = await signupOwner();
		const wrong = await call("POST", "/api/v1/auth/login", { email, password: "wrong password" });
		const unknown = await call("POST", "/api/v1/auth/login", { email: uniqueEmail(), password: "whatever" });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.error.message).toBe(unknown.error.message);
	});

	it("refuses an expired session", async () => {
		const { cookie, user } = await signupOwner();
		await env.DB.prepare("update sessions set expires_at = ? where user_id = ?")
			.bind(Date.now() - 1000, user.id)
			.run();
		const res = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(res.status).toBe(401);
	});

	it("stores sessions hashed: the cookie value is not in the database", async () => {
		const { cookie } = await signupOwner();
		const token = cookie.split("=")[1] ?? "";
		const found = await env.DB.prepare("select count(*) as n from sessions where token_hash = ?")
			.bind(token)
			.first<{ n: number }>();
		expect(found?.n).toBe(0);
	});
});

describe("login rate limiting", () => {
	const wrongLogin = (email: string, ip: string) =>
		call("POST", "/api/v1/auth/login", { email, password: "wrong password" }, { ip });

	it("evaluates at most 5 of 40 parallel wrong passwords from one address; the rest get 429 with retry-after", async () => {
		const { email } = await signupOwner();
		const answers = await Promise.all(Array.from({ length: 40 }, () => wrongLogin(email, "192.0.2.10")));
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(35);
		const refused = answers.find((a) => a.status === 429);
		expect(refused?.error.code).toBe("rate_limited");
		expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);

		// The attacker's address stays locked, even with the right password...
		expect((await call("POST", "/api/v1/auth/login", { email, password: PASSWORD }, { ip: "192.0.2.10" })).status).toBe(
			429,
		);
		// ...but the owner, elsewhere, is not locked out.
		const owner = await call("POST", "/api/v1/auth/login", { email, password: PASSWORD }, { ip: "192.0.2.11" });
		expect(owner.status).toBe(200);
	});

	it("caps failures for one email across all addresses at 50 an hour", async () => {
		const { email } = await signupOwner();
		const ips = Array.from({ length: 10 }, (_, i) => `198.18.0.${i + 1}`);
		const answers = await Promise.all(ips.flatMap((ip) => Array.from({ length: 5 }, () => wrongLogin(email, ip))));
		expect(answers.every((a) => a.status === 401)).toBe(true);
		const locked = await call("POST", "/api/v1/auth/login", { email, password: PASSWORD }, { ip: "198.18.1.1" });
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(15 * 60);
	});

	it("does not count successful sign-ins against anyone", async () => {
		const { email } = await signupOwner();
		for (let i = 0; i < 4; i++) expect((await wrongLogin(email, "192.0.2.20")).status).toBe(401);
		for (let i = 0; i < 8; i++) {
			const ok = await call("POST", "/api/v1/auth/login", { email, password: PASSWORD }, { ip: "192.0.2.20" });
			expect(ok.status).toBe(200);
		}
		// The success forgave this address's failures: five more wrong guesses are evaluated again.
		for (let i = 0; i < 5; i++) expect((await wrongLogin(email, "192.0.2.20")).status).toBe(401);
		expect((await wrongLogin(email, "192.0.2.20")).status).toBe(429);
	});

	it("limits one IP trying many emails", async () => {
		const ip = "192.0.2.200";
		for (let i = 0; i < 30; i++) {
			await call("POST", "/api/v1/auth/login", { email: uniqueEmail("spray"), password: "guess" }, { ip });
		}
		const res = await call("POST", "/api/v1/auth/login", { email: uniqueEmail("spray"), password: "guess" }, { ip });
		expect(res.status).toBe(429);
		expect(res.headers.get("retry-after")).toBeTruthy();
	});

	it("opens again once the window has passed", async () => {
		const { email } = await signupOwner();
		for (let i = 0; i < 5; i++) await wrongLogin(email, "192.0.2.30");
		expect((await call("POST", "/api/v1/auth/login", { email, password: PASSWORD }, { ip: "192.0.2.30" })).status).toBe(
			429,
		);
		await env.DB.prepare("update rate_limits set window_ends_at = ? where key like ?")
			.bind(Date.now() - 1, `login:%${email}%`)
			.run();
		expect((await call("POST", "/api/v1/auth/login", { email, password: PASSWORD }, { ip: "192.0.2.30" })).status).toBe(
			200,
		);
	});

	it("limits sign-ups to 20 an hour per address, but not from this machine (a local run's own scripts)", async () => {
		const signup = (ip: string) =>
			call(
				"POST",
				"/api/v1/auth/signup",
				{ email: uniqueEmail("many"), password: PASSWORD, name: "Many", workspace_name: "Many" },
				{ ip },
			);
		// Both addresses have used up the hour's sign-ups.
		const windowEnds = Date.now() + 30 * 60_000;
		for (const ip of ["192.0.2.210", "127.0.0.1"])
			await env.DB.prepare("insert or replace into rate_limits (key, count, window_ends_at) values (?, 20, ?)")
				.bind(`signup:ip:${ip}`, windowEnds)
				.run();
		const refused = await signup("192.0.2.210");
		expect(refused.status).toBe(429);
		expect(refused.headers.get("retry-after")).toBeTruthy();
		expect((await signup("127.0.0.1")).status).toBe(201);
	});
});

describe("password rules", () => {
	it.each([
		["ten spaces", " ".repeat(10)],
		["tabs and newlines", "\t\t\n\n     \t\n"],
		["short text padded with spaces", "   abc      "],
	])("refuses a password of %s with 400 on the password field", async (_, password) => {
		const res = await call("POST", "/api/v1/auth/signup", {
			email: uniqueEmail(),
			password,
			name: "Ada",
			workspace_name: "W",
		});
		expect(res.status).toBe(400);
		expect(res.error.code).toBe("validation_failed");
		expect(res.error.issues.map((i: { path: string }) => i.path)).toEqual(["password"]);
	});

	it("refuses a blank password when joining through an invitation", async () => {
		const { cookie } = await signupOwner();
		const email = uniqueEmail("invitee");
		const invite = await call("POST", "/api/v1/members", { email, role: "editor" }, { cookie });
		const token = invite.json.invite_url.split("/invite/")[1];
		const res = await call("POST", "/api/v1/auth/signup", {
			email,
			password: " ".repeat(12),
			name: "Ed",
			invite_token: token,
		});
		expect(res.status).toBe(400);
		expect(res.error.issues[0].path).toBe("password");
	});

	it("keeps spaces inside a long enough password as typed", async () => {
		const email = uniqueEmail();
		const password = "  a passphrase with spaces  ";
		const res = await call("POST", "/api/v1/auth/signup", { email, password, name: "Ada", workspace_name: "W" });
		expect(res.status).toBe(201);
		expect((await call("POST", "/api/v1/auth/login", { email, password })).status).toBe(200);
		expect((await call("POST", "/api/v1/auth/login", { email, password: password.trim() })).status).toBe(401);
	});
});

describe("CSRF", () => {
	it("refuses a cookie-authenticated write from another origin", async () => {
		const { cookie } = await signupOwner();
		const res = await call("PATCH", "/api/v1/workspace", { name: "Pwned" }, { cookie, origin: "https://evil.example" });
		expect(res.status).toBe(403);
		expect(res.error.code).toBe("csrf_failed");
	});

	it("refuses a cookie-authenticated write with no Origin at all", async () => {
		const { cookie } = await signupOwner();
		const res = await call("POST", "/api/v1/auth/logout", undefined, { cookie, origin: null });
		expect(res.status).toBe(403);
	});

	it("does not apply to API keys, which browsers never send by themselves", async () => {
		const { cookie } = await signupOwner();
		const key = await call("POST", "/api/v1/api-keys", { name: "ci", role: "admin" }, { cookie });
		const res = await call("PATCH", "/api/v1/workspace", { name: "Renamed" }, { apiKey: key.json.key, origin: null });
		expect(res.status).toBe(200);
	});

	it("refuses a cross-site login form post", async () => {
		const res = await call(
			"POST",
			"/api/v1/auth/login",
			{ email: uniqueEmail(), password: "x" },
			{ origin: "https://evil.example" },
		);
		expect(res.status).toBe(403);
	});
});
