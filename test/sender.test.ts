import { describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";
import { importCsv } from "./import-helpers";

const BCC_PAYLOAD = "Acme\r\nBcc: spy@evil.test <news@x.test>";

async function workspace(contacts = 0) {
	const owner = await signupOwner("Sender Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "3 Sender St", default_from_email: "hi@sender.example", default_from_name: "Sender" },
		{ cookie },
	);
	if (contacts > 0) {
		const rows = Array.from({ length: contacts }, (_, i) => `s${i}@sender.example`);
		await importCsv(cookie, `email\n${rows.join("\n")}\n`);
	}
	const template = await call("POST", "/api/v1/templates", { name: "T", subject: "Hi", html: "<p>Hi</p>" }, { cookie });
	return { ...owner, templateId: template.json.id as string };
}

async function waitForStatus(cookie: string, id: string, status: string) {
	for (let i = 0; i < 300; i++) {
		const res = await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie });
		if (res.json.status === status) return res.json;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`campaign never became ${status}`);
}

const paths = (res: { error: { issues: { path: string }[] } }) => res.error.issues.map((i) => i.path);

describe("campaign sender", () => {
	it("refuses a from_name that would add a Bcc header, on create and on edit", async () => {
		const { cookie, templateId } = await workspace();
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "C", template_id: templateId, from_name: BCC_PAYLOAD },
			{ cookie },
		);
		expect(created.status).toBe(400);
		expect(paths(created)).toEqual(["from_name"]);
		const draft = await call("POST", "/api/v1/campaigns", { name: "C", template_id: templateId }, { cookie });
		const patched = await call("PATCH", `/api/v1/campaigns/${draft.json.id}`, { from_name: "A\u2067B" }, { cookie });
		expect(patched.status).toBe(400);
		expect(paths(patched)).toEqual(["from_name"]);
	});

	it("refuses a reply_to or from_email with NUL or text-direction characters", async () => {
		const { cookie, templateId } = await workspace();
		for (const field of ["from_email", "reply_to"]) {
			const res = await call(
				"POST",
				"/api/v1/campaigns",
				{ name: "C", template_id: templateId, [field]: "reply\u202e@sender.example" },
				{ cookie },
			);
			expect(res.status).toBe(400);
			expect(paths(res)).toEqual([field]);
		}
	});

	it("sends with the sender name quoted, so a comma or quote never becomes a second address", async () => {
		const { cookie, templateId } = await workspace(3);
		const created = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "C", template_id: templateId, from_name: 'Smith, "Jo" <boss@evil.test>' },
			{ cookie },
		);
		expect(created.status).toBe(201);
		const id = created.json.id;
		expect((await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie })).status).toBe(202);
		await waitForStatus(cookie, id, "completed");
		const outbox = await call("GET", `/api/v1/outbox?campaign_id=${id}`, undefined, { cookie });
		expect(outbox.json.data).toHaveLength(3);
		for (const message of outbox.json.data) {
			expect(message.from).toBe('"Smith, \\"Jo\\" <boss@evil.test>" <hi@sender.example>');
		}
	});
});

describe("contact addresses", () => {
	it("refuses addresses with NUL, text-direction or whitespace characters, quoted local parts and IP literals", async () => {
		const { cookie } = await workspace();
		for (const email of [
			"a\u0000b@sender.example",
			"a\u202eb@sender.example",
			"ab@send\u2066er.example",
			"a\tb@sender.example",
			'"a b"@sender.example',
			"a@[192.0.2.1]",
		]) {
			const res = await call("POST", "/api/v1/contacts", { email }, { cookie });
			expect(res.status, JSON.stringify(email)).toBe(400);
			expect(paths(res)).toEqual(["email"]);
		}
	});
});

describe("sending domains without a provider (capture mode)", () => {
	it("adds a domain as pending, refuses another workspace the same domain without naming it, and removes it", async () => {
		const { cookie } = await workspace();
		const added = await call("POST", "/api/v1/sending-domains", { domain: " Mail.Sender.Example " }, { cookie });
		expect(added.status).toBe(201);
		expect(added.json).toMatchObject({
			domain: "mail.sender.example",
			status: "pending",
			source: "provider",
			records: [],
			verified_at: null,
		});
		const again = await call("POST", "/api/v1/sending-domains", { domain: "mail.sender.example" }, { cookie });
		expect(again.status).toBe(409);

		const other = await signupOwner("Other Co");
		const taken = await call(
			"POST",
			"/api/v1/sending-domains",
			{ domain: "mail.sender.example" },
			{ cookie: other.cookie },
		);
		expect(taken.status).toBe(409);
		expect(taken.error.code).toBe("conflict");
		expect(taken.text).not.toMatch(/Sender Co|ws_/);

		const verify = await call("POST", `/api/v1/sending-domains/${added.json.id}/verify`, undefined, { cookie });
		expect(verify.status).toBe(503);
		expect(verify.error.message).toMatch(/RESEND_API_KEY/);

		const list = await call("GET", "/api/v1/sending-domains", undefined, { cookie });
		expect(list.json.data.map((d: { domain: string }) => d.domain)).toEqual(["mail.sender.example"]);
		expect((await call("DELETE", `/api/v1/sending-domains/${added.json.id}`, undefined, { cookie })).status).toBe(200);
		expect((await call("GET", "/api/v1/sending-domains", undefined, { cookie })).json.data).toEqual([]);
		const now = await call(
			"POST",
			"/api/v1/sending-domains",
			{ domain: "mail.sender.example" },
			{ cookie: other.cookie },
		);
		expect(now.status).toBe(201);
	});

	it("refuses invalid domains, editors adding or removing, and other workspaces' domains", async () => {
		const { cookie } = await workspace();
		for (const domain of ["1.2.3.4", "localhost", "exa mple.com", "ex\u202eample.com", "a@b.com"]) {
			const res = await call("POST", "/api/v1/sending-domains", { domain }, { cookie });
			expect(res.status, domain).toBe(400);
			expect(paths(res)).toEqual(["domain"]);
		}
		const editor = await addMember(cookie, "editor");
		const refused = await call(
			"POST",
			"/api/v1/sending-domains",
			{ domain: "ed.sender.example" },
			{ cookie: editor.cookie },
		);
		expect(refused.status).toBe(403);
		const added = await call("POST", "/api/v1/sending-domains", { domain: "own.sender.example" }, { cookie });
		expect((await call("GET", "/api/v1/sending-domains", undefined, { cookie: editor.cookie })).status).toBe(200);
		expect(
			(await call("DELETE", `/api/v1/sending-domains/${added.json.id}`, undefined, { cookie: editor.cookie })).status,
		).toBe(403);
		const other = await signupOwner("Other Co");
		const path = `/api/v1/sending-domains/${added.json.id}`;
		expect((await call("DELETE", path, undefined, { cookie: other.cookie })).status).toBe(404);
		expect((await call("POST", `${path}/verify`, undefined, { cookie: other.cookie })).status).toBe(404);
	});

	it("documents the routes in the OpenAPI document", async () => {
		const doc = await call("GET", "/api/openapi.json");
		const paths = Object.keys(doc.json.paths);
		expect(paths).toEqual(
			expect.arrayContaining([
				"/api/v1/sending-domains",
				"/api/v1/sending-domains/{id}",
				"/api/v1/sending-domains/{id}/verify",
			]),
		);
		expect(doc.json.paths["/api/v1/sending-domains"].post.description).toMatch(/capture Outbox/);
	});
});
