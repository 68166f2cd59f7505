import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";

const HOOK = { url: "https://hooks.acme.test/pulse", events: ["email.clicked", "contact.created"] };

describe("webhook endpoints", () => {
	let owner: Awaited<ReturnType<typeof signupOwner>>;
	beforeAll(async () => {
		owner = await signupOwner("Hooks");
	});
	const as = () => ({ cookie: owner.cookie });

	it("shows the signing secret once, at creation, and never in the list", async () => {
		const created = await call("POST", "/api/v1/webhook-endpoints", HOOK, as());
		expect(created.status, created.text).toBe(201);
		expect(created.json).toMatchObject({ url: HOOK.url, events: HOOK.events, enabled: true });
		expect(created.json.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
		const list = await call("GET", "/api/v1/webhook-endpoints", undefined, as());
		const listed = list.json.data.find((e: { id: string }) => e.id === created.json.id);
		expect(listed).toMatchObject({ url: HOOK.url, enabled: true });
		expect(list.text).not.toContain(created.json.secret);
		expect(list.text).not.toContain("whsec_");
		const audit = await call("GET", "/api/v1/audit-log", undefined, as());
		expect(audit.text).toContain("webhook_endpoint.created");
		expect(audit.text).not.toContain(created.json.secret);
	});

	it("refuses URLs that could reach a private network, naming url", async () => {
		for (const url of [
			"http://hooks.acme.test/pulse",
			"https://127.0.0.1/",
			"http://localhost:8080/",
			"https://10.0.0.5/hook",
			"https://192.168.0.10/",
			"https://169.254.169.254/latest/meta-data/",
			"https://metadata.google.internal/computeMetadata/v1/",
			"https://2130706433/",
			"https://0x7f.0.0.1/",
			"https://[fe80::1]/",
			"https://0.0.0.0/",
		]) {
			const res = await call("POST", "/api/v1/webhook-endpoints", { ...HOOK, url }, as());
			expect(res.status, url).toBe(422);
			expect(res.error.issues[0].path, url).toBe("url");
		}
	});

	it("refuses unknown event types, naming the entry", async () => {
		const res = await call(
			"POST",
			"/api/v1/webhook-endpoints",
			{ ...HOOK, events: ["email.clicked", "email.teleported"] },
			as(),
		);
		expect(res.status).toBe(422);
		expect(res.error.issues).toEqual([{ path: "events.1", message: expect.stringContaining("email.teleported") }]);
	});

	it("lets admins change, rotate and delete; viewers only read (editors too: test/security.test.ts)", async () => {
		const created = (await call("POST", "/api/v1/webhook-endpoints", HOOK, as())).json;
		const patched = await call(
			"PATCH",
			`/api/v1/webhook-endpoints/${created.id}`,
			{ enabled: false, events: ["import.completed"] },
			as(),
		);
		expect(patched.json).toMatchObject({ enabled: false, events: ["import.completed"] });
		const refused = await call("PATCH", `/api/v1/webhook-endpoints/${created.id}`, { url: "https://10.1.1.1/" }, as());
		expect(refused.status).toBe(422);

		const rotated = await call("POST", `/api/v1/webhook-endpoints/${created.id}/rotate-secret`, {}, as());
		expect(rotated.status).toBe(200);
		expect(rotated.json.secret).toMatch(/^whsec_/);
		expect(rotated.json.secret).not.toBe(created.secret);
		expect(Date.parse(rotated.json.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3600_000);

		const viewer = await addMember(owner.cookie, "viewer");
		const read = await call("GET", "/api/v1/webhook-endpoints", undefined, { cookie: viewer.cookie });
		expect(read.status).toBe(200);
		expect(read.text).not.toContain("whsec_");
		expect((await call("POST", "/api/v1/webhook-endpoints", HOOK, { cookie: viewer.cookie })).status).toBe(403);
		const patch = await call("PATCH", `/api/v1/webhook-endpoints/${created.id}`, { enabled: true }, viewer);
		expect(patch.status).toBe(403);

		expect((await call("DELETE", `/api/v1/webhook-endpoints/${created.id}`, undefined, as())).status).toBe(200);
		const list = await call("GET", "/api/v1/webhook-endpoints", undefined, as());
		expect(list.text).not.toContain(created.id);
	});
});
