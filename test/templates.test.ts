import { describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";

const TEMPLATE = {
	name: "Welcome",
	subject: "Welcome, {{ contact.first_name | default: 'friend' }}",
	preheader: "Good to have you",
	html: `<html><body><h1>Hi {{ contact.first_name }}</h1><p>From {{ contact.attributes.city | default: "somewhere" }}.</p><a href="https://shop.example/start?ref=mail">Start</a></body></html>`,
};

async function ready() {
	const owner = await signupOwner("Templates Co");
	await call(
		"PATCH",
		"/api/v1/workspace",
		{
			default_from_email: "news@templates.example",
			default_from_name: "Templates Co",
			postal_address: "9 Side St, Lyon",
		},
		{ cookie: owner.cookie },
	);
	return owner;
}

/** Tokens are per message (and randomized); everything else must be identical. */
const withoutTokens = (s: string) => s.replace(/\/(t\/[co]|u)\/[\w-]+/g, "/$1/TOKEN");

describe("templates", () => {
	it("creates, lists, updates and deletes templates", async () => {
		const { cookie } = await ready();
		const created = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ name: "Welcome", text: null });
		const patched = await call("PATCH", `/api/v1/templates/${created.json.id}`, { subject: "New subject" }, { cookie });
		expect(patched.json).toMatchObject({ subject: "New subject", html: TEMPLATE.html });
		expect((await call("GET", "/api/v1/templates", undefined, { cookie })).json.data).toHaveLength(1);
		expect((await call("DELETE", `/api/v1/templates/${created.json.id}`, undefined, { cookie })).status).toBe(200);
		expect((await call("GET", `/api/v1/templates/${created.json.id}`, undefined, { cookie })).status).toBe(404);
	});

	it("refuses a template that does not parse with 422, the field, line and column", async () => {
		const { cookie } = await ready();
		const res = await call(
			"POST",
			"/api/v1/templates",
			{ ...TEMPLATE, html: "<p>ok</p>\n<p>{% if contact.first_name %}unclosed</p>" },
			{ cookie },
		);
		expect(res.status).toBe(422);
		expect(res.error.issues[0]).toMatchObject({ path: "html", line: 2 });
		expect(res.error.message).toMatch(/line 2/);
	});

	it("previews for a chosen contact exactly as it would be sent, with tracking and compliance", async () => {
		const { cookie } = await ready();
		const tpl = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const contact = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "eve@example.com", first_name: "Eve", attributes: { city: "Nice" } },
			{ cookie },
		);
		const preview = await call(
			"POST",
			`/api/v1/templates/${tpl.json.id}/preview`,
			{ contact_id: contact.json.id },
			{ cookie },
		);
		expect(preview.status).toBe(200);
		expect(preview.json.subject).toBe("Welcome, Eve");
		expect(preview.json.html).toContain("<p>From Nice.</p>");
		expect(preview.json.html).toMatch(/href="http:\/\/pulse\.test\/t\/c\/[\w-]+"/);
		expect(preview.json.html).toContain("9 Side St, Lyon");
		expect(preview.json.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		const sample = await call("POST", `/api/v1/templates/${tpl.json.id}/preview`, {}, { cookie });
		expect(sample.json.subject).toBe("Welcome, Ada");
	});

	it("renders unsaved source for the live editor and reports syntax errors as 422", async () => {
		const { cookie } = await ready();
		const ok = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: "Hi {{ contact.first_name }}", html: "<p>x</p>" }, contact: { first_name: "Zed" } },
			{ cookie },
		);
		expect(ok.json.subject).toBe("Hi Zed");
		const bad = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: "s", html: "{{ x | nope }}" } },
			{ cookie },
		);
		expect(bad.status).toBe(422);
		expect(bad.error.issues[0].path).toBe("html");
	});

	it("sends a test into the capture outbox identical to the preview, apart from per-message tokens", async () => {
		const { cookie } = await ready();
		const tpl = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const contact = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "tess@example.com", first_name: "Tess" },
			{ cookie },
		);
		const preview = await call(
			"POST",
			`/api/v1/templates/${tpl.json.id}/preview`,
			{ contact_id: contact.json.id },
			{ cookie },
		);
		const sent = await call(
			"POST",
			`/api/v1/templates/${tpl.json.id}/test-send`,
			{ to: ["qa@example.com", "Boss@Example.com"], contact_id: contact.json.id },
			{ cookie },
		);
		expect(sent.status).toBe(200);
		expect(sent.json).toMatchObject({ sent: 2, provider: "capture" });
		const outbox = await call("GET", "/api/v1/outbox", undefined, { cookie });
		expect(outbox.json.data.map((m: { to: string }) => m.to).sort()).toEqual(["boss@example.com", "qa@example.com"]);
		for (const message of outbox.json.data) {
			expect(message.from).toBe("Templates Co <news@templates.example>");
			expect(message.subject).toBe(preview.json.subject);
			expect(withoutTokens(message.html)).toBe(withoutTokens(preview.json.html));
			expect(withoutTokens(message.text)).toBe(withoutTokens(preview.json.text));
			expect(withoutTokens(JSON.stringify(message.headers))).toBe(withoutTokens(JSON.stringify(preview.json.headers)));
		}
		const one = await call("GET", `/api/v1/outbox/${outbox.json.data[0].id}`, undefined, { cookie });
		expect(one.json.html).toBe(outbox.json.data[0].html);
	});

	it("limits tests to 5 valid addresses and needs a default sender", async () => {
		const { cookie } = await ready();
		const tpl = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const six = await call(
			"POST",
			`/api/v1/templates/${tpl.json.id}/test-send`,
			{ to: Array.from({ length: 6 }, (_, i) => `t${i}@example.com`) },
			{ cookie },
		);
		expect(six.status).toBe(400);
		expect(six.error.issues[0].path).toBe("to");
		const fresh = await signupOwner();
		const t2 = await call("POST", "/api/v1/templates", TEMPLATE, { cookie: fresh.cookie });
		const noSender = await call(
			"POST",
			`/api/v1/templates/${t2.json.id}/test-send`,
			{ to: ["a@example.com"] },
			{ cookie: fresh.cookie },
		);
		expect(noSender.status).toBe(422);
	});

	it("offers the built-in starters, each renderable and compliant", async () => {
		const { cookie } = await ready();
		const starters = await call("GET", "/api/v1/templates/starters", undefined, { cookie });
		expect(starters.json.data.map((s: { key: string }) => s.key)).toEqual(["newsletter", "announcement", "plain"]);
		for (const starter of starters.json.data) {
			const { subject, preheader, html } = starter;
			const rendered = await call(
				"POST",
				"/api/v1/templates/render",
				{ template: { subject, preheader, html } },
				{ cookie },
			);
			expect(rendered.status, starter.key).toBe(200);
			expect(rendered.json.html).toContain("9 Side St, Lyon");
			expect(rendered.json.html).toMatch(/\/u\/[\w-]+/);
			expect(rendered.json.html).not.toContain('data-pulse="footer"');
		}
	});

	it("keeps viewers to reading and previewing", async () => {
		const { cookie } = await ready();
		const viewer = await addMember(cookie, "viewer");
		const tpl = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		expect((await call("POST", `/api/v1/templates/${tpl.json.id}/preview`, {}, { cookie: viewer.cookie })).status).toBe(
			200,
		);
		expect((await call("POST", "/api/v1/templates", TEMPLATE, { cookie: viewer.cookie })).status).toBe(403);
		expect(
			(
				await call(
					"POST",
					`/api/v1/templates/${tpl.json.id}/test-send`,
					{ to: ["a@example.com"] },
					{ cookie: viewer.cookie },
				)
			).status,
		).toBe(403);
	});
});
