import { describe, expect, it } from "vitest";
import { verifyToken } from "../tokens";
import { checkTemplate, type RenderContext, renderEmail, TemplateError } from "./render";

const SECRET = "renderer-test-secret";
const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({
	contact: {
		id: "ctc_1",
		email: "ada@example.com",
		first_name: "Ada",
		last_name: "Lovelace",
		attributes: { city: "London" },
	},
	workspace: { id: "ws_1", name: "Acme", postal_address: "1 Main St, Springfield" },
	messageId: "msg_1",
	baseUrl: "https://pulse.example",
	tracking: { opens: true, clicks: true },
	secret: SECRET,
	...over,
});

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");

async function clickTargets(html: string) {
	const targets = [];
	for (const href of hrefs(html)) {
		const m = /^https:\/\/pulse\.example\/t\/c\/(.+)$/.exec(href);
		targets.push(m?.[1] ? await verifyToken(SECRET, m[1]) : href);
	}
	return targets;
}

describe("personalization", () => {
	it("fills contact fields, applies defaults for missing ones, and exposes workspace and built-ins", async () => {
		const source = {
			subject: "Hi {{ contact.first_name | default: 'there' }} from {{ workspace.name }}",
			html: "<p>{{ contact.attributes.city }} / {{ contact.attributes.zip | default: 'no zip' }}</p>{% if contact.attributes.vip %}VIP{% endif %}<p>{{ workspace.postal_address }}</p>",
		};
		const out = await renderEmail(source, ctx());
		expect(out.subject).toBe("Hi Ada from Acme");
		expect(out.html).toContain("<p>London / no zip</p>");
		expect(out.html).not.toContain("VIP");
		const anon = await renderEmail(
			source,
			ctx({ contact: { id: "c", email: "x@y.co", first_name: null, last_name: null, attributes: {} } }),
		);
		expect(anon.subject).toBe("Hi there from Acme");
	});

	it("renders contact data inert: markup in a name is escaped, never executed", async () => {
		const evil = "<img src=x onerror=alert(1)>";
		const out = await renderEmail(
			{ subject: "Hello {{ contact.first_name }}", html: "<p>Hello {{ contact.first_name }}</p>" },
			ctx({ contact: { id: "c", email: "e@x.co", first_name: evil, last_name: null, attributes: {} } }),
		);
		expect(out.html).toContain("Hello &lt;img src=x onerror=alert(1)&gt;");
		expect(out.html).not.toMatch(/<img src=x/);
		expect(out.subject).toBe(`Hello ${evil}`);
	});

	it("loops over lists", async () => {
		const out = await renderEmail(
			{ subject: "s", html: "<ul>{% for t in contact.tags %}<li>{{ t }}</li>{% endfor %}</ul>" },
			ctx({
				contact: { id: "c", email: "e@x.co", first_name: null, last_name: null, attributes: {}, tags: ["a", "b"] },
			}),
		);
		expect(out.html).toContain("<ul><li>a</li><li>b</li></ul>");
	});
});

describe("links", () => {
	it("rewrites absolute http(s) links to signed click URLs that carry the original URL (as the browser reads it)", async () => {
		const html = `<a href="https://shop.example/a?x=1&amp;y=2#frag">A</a> <A HREF="http://Shop.example/B">B</A> <a href='https://shop.example/single'>C</a>`;
		const targets = await clickTargets((await renderEmail({ subject: "s", html }, ctx())).html);
		expect(targets.slice(0, 3)).toEqual([
			{ k: "c", m: "msg_1", l: 0, u: "https://shop.example/a?x=1&y=2#frag" },
			{ k: "c", m: "msg_1", l: 1, u: "http://shop.example/B" },
			{ k: "c", m: "msg_1", l: 2, u: "https://shop.example/single" },
		]);
	});

	it("marks every link of a preview, so the public endpoints change nothing for it", async () => {
		const html = `<a href="https://shop.example/a">A</a>`;
		const out = await renderEmail({ subject: "s", html }, ctx({ preview: true }));
		const tokens = [...out.html.matchAll(/pulse\.example\/(?:t\/[oc]|u)\/([\w-]+)/g)].map((m) => m[1] ?? "");
		expect(tokens).toHaveLength(3);
		for (const token of tokens) expect(await verifyToken(SECRET, token)).toMatchObject({ p: 1 });
	});

	it("leaves mailto:, tel:, anchors, relative links and the unsubscribe link alone", async () => {
		const html = `<a href="mailto:help@acme.example">Mail</a><a href="tel:+123">Call</a><a href="#top">Top</a><a href="/relative">Rel</a><a href="{{ unsubscribe_url }}">Unsub</a>`;
		const out = await renderEmail({ subject: "s", html }, ctx());
		const links = hrefs(out.html);
		expect(links.slice(0, 4)).toEqual(["mailto:help@acme.example", "tel:+123", "#top", "/relative"]);
		expect(links[4]).toMatch(/^https:\/\/pulse\.example\/u\/[\w-]+$/);
		expect(links).toHaveLength(5);
	});

	it("keeps links untracked when click tracking is off, and adds no pixel when open tracking is off", async () => {
		const out = await renderEmail(
			{ subject: "s", html: `<a href="https://a.example">a</a>` },
			ctx({ tracking: { opens: false, clicks: false } }),
		);
		expect(hrefs(out.html)[0]).toBe("https://a.example");
		expect(out.html).not.toContain("/t/o/");
	});

	it("adds one signed open pixel at the end of the body", async () => {
		const out = await renderEmail({ subject: "s", html: "<html><body><p>x</p></body></html>" }, ctx());
		const pixel = /<img data-pulse="pixel" src="https:\/\/pulse\.example\/t\/o\/([\w-]+)"/.exec(out.html);
		expect(pixel?.[1] && (await verifyToken(SECRET, pixel[1]))).toEqual({ k: "o", m: "msg_1" });
		expect(out.html).toMatch(/<img data-pulse="pixel"[^>]*><\/body><\/html>$/);
		expect(out.html.match(/data-pulse="pixel"/g)).toHaveLength(1);
	});
});

describe("compliance", () => {
	it("appends a footer with the postal address and unsubscribe link only when the template has none", async () => {
		const without = await renderEmail({ subject: "s", html: "<p>Hi</p>" }, ctx());
		expect(without.html).toContain('data-pulse="footer"');
		expect(without.html).toContain("1 Main St, Springfield");
		const withLink = await renderEmail(
			{ subject: "s", html: `<p>Hi</p><a href="{{ unsubscribe_url }}">Leave</a> {{ workspace.postal_address }}` },
			ctx(),
		);
		expect(withLink.html).not.toContain('data-pulse="footer"');
	});

	it("sets the RFC 8058 one-click headers with an https unsubscribe URL for this message", async () => {
		const out = await renderEmail({ subject: "s", html: "<p>x</p>" }, ctx());
		expect(out.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		const url = /^<(https:\/\/pulse\.example\/u\/([\w-]+))>$/.exec(out.headers["List-Unsubscribe"] ?? "");
		expect(url?.[2] && (await verifyToken(SECRET, url[2]))).toEqual({ k: "u", m: "msg_1", c: "ctc_1", w: "ws_1" });
	});

	it("strips scripts, frames, event handlers and javascript: URLs", async () => {
		const html = `<p onclick="steal()" style="color:red">Hi</p><script>alert(1)</script><iframe src="https://x"></iframe><a href="javascript:alert(1)">x</a><img src="https://img.example/a.png" onerror="x()">`;
		const out = await renderEmail({ subject: "s", html }, ctx({ tracking: { opens: false, clicks: false } }));
		expect(out.html).not.toMatch(/script|onclick|onerror|iframe|javascript:/i);
		expect(out.html).toContain('<p style="color:red">Hi</p>');
		expect(out.html).toContain('<img src="https://img.example/a.png">');
	});

	it("hides the preheader as preview text at the top of the body", async () => {
		const out = await renderEmail(
			{ subject: "s", preheader: "Sale ends {{ contact.first_name }}", html: "<p>Body</p>" },
			ctx(),
		);
		expect(out.html).toMatch(/<body><div data-pulse="preheader" style="display:none[^"]*">Sale ends Ada/);
		expect(out.text).not.toContain("Sale ends");
	});
});

describe("plain text", () => {
	it("is derived from the HTML when absent: readable, links as text (url), no markup", async () => {
		const html = `<h1>News</h1><p>Hello <b>Ada</b>,<br>see <a href="https://shop.example/sale">our sale</a>.</p><ul><li>One</li><li>Two</li></ul><style>p{color:red}</style><img src="https://i.example/x.png" alt="Logo">`;
		const out = await renderEmail({ subject: "s", html }, ctx());
		expect(out.text).toContain("News\n\nHello Ada,\nsee our sale (https://shop.example/sale).");
		expect(out.text).toContain("- One\n- Two");
		expect(out.text).toContain("Logo");
		expect(out.text).not.toMatch(/[<>]|color:red|\/t\/c\//);
		expect(out.text).toMatch(/Unsubscribe \(https:\/\/pulse\.example\/u\//);
	});

	it("uses the template's own text, with an unsubscribe line added when it has none", async () => {
		const out = await renderEmail({ subject: "s", html: "<p>x</p>", text: "Hi {{ contact.first_name }}" }, ctx());
		expect(out.text).toMatch(
			/^Hi Ada\n\n--\nAcme\n1 Main St, Springfield\nUnsubscribe: https:\/\/pulse\.example\/u\/[\w-]+$/,
		);
	});
});

describe("errors", () => {
	it("refuses a template that does not parse with the field, line and column", () => {
		expect(() => checkTemplate({ subject: "ok", html: "<p>line one</p>\n<p>{% if x %}never closed</p>" })).toThrow(
			TemplateError,
		);
		try {
			checkTemplate({ subject: "{{ name | nosuchfilter }}", html: "a\nb {% if %}" });
		} catch (error) {
			expect((error as TemplateError).issues).toEqual([
				expect.objectContaining({
					path: "subject",
					line: 1,
					column: 1,
					message: expect.stringMatching(/undefined filter: nosuchfilter/),
				}),
				expect.objectContaining({ path: "html", line: 2, column: expect.any(Number) }),
			]);
		}
	});

	it("stops a render bomb (a huge loop) with a clear error instead of hanging", async () => {
		const bomb = "{% for i in (1..100000000) %}{% for j in (1..1000) %}xxxxxxxxxx{% endfor %}{% endfor %}";
		const started = Date.now();
		await expect(renderEmail({ subject: "s", html: bomb }, ctx())).rejects.toThrow(/rendering stopped/);
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});

describe("bounded rendering", () => {
	it("stops a template that loops over a huge range, with a clear error", async () => {
		const source = { subject: "S", html: "{% for i in (1..100000000) %}{{ i }}{% endfor %}" };
		const error = await renderEmail(source, ctx()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TemplateError);
		expect((error as TemplateError).issues[0]).toMatchObject({ path: "html" });
		expect((error as TemplateError).message).toMatch(/rendering stopped|memory limit/);
	});

	it("stops a template whose output balloons (nested loops), with a clear error", async () => {
		const source = {
			subject: "S",
			html: "{% for a in (1..1000) %}{% for b in (1..1000) %}<p>{{ contact.first_name }} {{ a }} {{ b }}</p>{% endfor %}{% endfor %}",
		};
		const error = await renderEmail(source, ctx()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TemplateError);
		expect((error as TemplateError).message).toMatch(/rendering stopped|too much output|over 1000000 characters/);
	});

	it("renders the same template for many contacts with each one's own data", async () => {
		const source = { subject: "Hi {{ contact.first_name }}", html: "<p>Hello {{ contact.first_name }}</p>" };
		const names = ["Ada", "Grace", "Edsger"];
		const outs = await Promise.all(
			names.map((first_name, i) =>
				renderEmail(source, ctx({ contact: { ...ctx().contact, first_name }, messageId: `msg_${i}` })),
			),
		);
		expect(outs.map((o) => o.subject)).toEqual(["Hi Ada", "Hi Grace", "Hi Edsger"]);
		expect(outs[1]?.html).toContain("<p>Hello Grace</p>");
	});
});
