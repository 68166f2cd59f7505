import { describe, expect, it } from "vitest";
import { type BlockDocumentInput, BlockDocumentSchema } from "../../contracts/blocks";
import { renderEmail } from "../templates/render";
import { BlockError, columnWidths, compileBlocks } from "./compile";
import { STARTER_TEMPLATES } from "./starters";

const doc = (input: BlockDocumentInput) => BlockDocumentSchema.parse(input);
const compile = (input: BlockDocumentInput) => compileBlocks(doc(input));

describe("block compiler", () => {
	it("escapes every piece of user text, so nobody can add markup through a block", () => {
		const html = compile({
			blocks: [
				{ id: "t", type: "text", text: "<script>alert(1)</script> & <b>not bold</b>" },
				{ id: "h", type: "heading", text: '<img src=x onerror="alert(1)">' },
				{ id: "b", type: "button", label: "<i>Go</i>", href: "https://example.com/?a=1&b=2" },
				{ id: "i", type: "image", src: "https://example.com/a.png", alt: '" onload="x' },
			],
		});
		expect(html).not.toContain("<script>");
		expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;not bold&lt;/b&gt;");
		expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
		expect(html).toContain("&lt;i&gt;Go&lt;/i&gt;");
		expect(html).toContain('href="https://example.com/?a=1&amp;b=2"');
		expect(html).toContain('alt="&quot; onload=&quot;x"');
	});

	it("turns the limited rich text into bold, italic, links, line breaks and paragraphs", () => {
		const html = compile({
			blocks: [
				{
					id: "t",
					type: "text",
					text: "**Bold** and *italic*\nnext line\n\n[Read](https://example.com/r?x=1&y=2) now",
				},
			],
		});
		expect(html).toContain("<strong>Bold</strong> and <em>italic</em><br>next line</p>");
		expect(html).toMatch(/<a href="https:\/\/example\.com\/r\?x=1&amp;y=2" style="[^"]+">Read<\/a> now<\/p>/);
	});

	it("refuses Liquid that would write raw HTML from a block (the raw tag or filter)", () => {
		for (const text of [
			"{% raw %}<img src=x onerror=alert(1)>{% endraw %}",
			'{{ "<b>" | raw }}',
			"{{ contact.first_name|raw }}",
		]) {
			expect(BlockDocumentSchema.safeParse({ blocks: [{ id: "t", type: "text", text }] }).success, text).toBe(false);
			expect(
				BlockDocumentSchema.safeParse({ blocks: [{ id: "b", type: "button", label: text, href: "https://x.example" }] })
					.success,
			).toBe(false);
		}
		const url = "https://x.example/?q={{ contact.email | raw }}";
		expect(
			BlockDocumentSchema.safeParse({ blocks: [{ id: "b", type: "button", label: "x", href: url }] }).success,
		).toBe(false);
		expect(
			BlockDocumentSchema.safeParse({
				blocks: [{ id: "t", type: "text", text: "a | raw deal, {{ contact.first_name }}" }],
			}).success,
		).toBe(true);
	});

	it("refuses links that are not http(s) or mailto, in rich text and in block fields", () => {
		for (const href of ["javascript:alert(1)", "data:text/html,x", "ftp://example.com", "//evil.example"]) {
			expect(() => compile({ blocks: [{ id: "t", type: "text", text: `[x](${href})` }] }), href).toThrow(BlockError);
			const parsed = BlockDocumentSchema.safeParse({ blocks: [{ id: "b", type: "button", label: "x", href }] });
			expect(parsed.success, href).toBe(false);
		}
		try {
			compile({
				blocks: [
					{
						id: "s",
						type: "section",
						columns: [{ id: "c", blocks: [{ id: "t", type: "text", text: "[x](javascript:1)" }] }],
					},
				],
			});
		} catch (error) {
			expect((error as BlockError).issues[0]?.path).toBe("blocks.0.columns.0.blocks.0.text");
		}
		expect(
			BlockDocumentSchema.safeParse({
				blocks: [{ id: "b", type: "button", label: "x", href: "mailto:hi@example.com" }],
			}).success,
		).toBe(true);
		expect(
			BlockDocumentSchema.safeParse({
				blocks: [{ id: "b", type: "button", label: "x", href: "https://x.example/{% if a %}" }],
			}).success,
		).toBe(false);
	});

	it("passes Liquid through untouched so it renders at send time", async () => {
		const text = `Hi {{ contact.first_name | default: "there" }} & co{% if contact.attributes.city %} <3 {{ contact.attributes.city }}{% endif %}`;
		const html = compile({
			blocks: [
				{ id: "t", type: "text", text },
				{ id: "b", type: "button", label: "Go", href: "https://shop.example/?id={{ contact.id }}" },
			],
		});
		expect(html).toContain(
			`Hi {{ contact.first_name | default: "there" }} &amp; co{% if contact.attributes.city %} &lt;3 {{ contact.attributes.city }}{% endif %}`,
		);
		expect(html).toContain('href="https://shop.example/?id={{ contact.id }}"');
		const rendered = await renderEmail(
			{ subject: "S", html },
			{
				contact: {
					id: "ctc_1",
					email: "a@example.com",
					first_name: "<Ada>",
					last_name: null,
					attributes: { city: "Paris" },
				},
				workspace: { id: "ws", name: "Acme", postal_address: "1 Main St" },
				messageId: "m",
				baseUrl: "https://pulse.example",
				tracking: { opens: false, clicks: false },
				secret: "s",
			},
		);
		expect(rendered.html).toContain("Hi &lt;Ada&gt; &amp; co &lt;3 Paris");
		expect(rendered.html).toContain('href="https://shop.example/?id=ctc_1"');
	});

	it("lays columns out side by side for Outlook and stacks them on phones with a media query", () => {
		const html = compile({
			blocks: [
				{
					id: "s",
					type: "section",
					style: { padding: [0, 0, 0, 0] },
					columns: [
						{ id: "a", blocks: [{ id: "t1", type: "text", text: "Left" }] },
						{ id: "b", blocks: [{ id: "t2", type: "text", text: "Right" }] },
					],
				},
			],
		});
		expect(html).toMatch(
			/@media only screen and \(max-width:599px\)\{\.pulse-container\{[^}]*\} \.pulse-col\{display:block!important;width:100%!important;max-width:100%!important;\}/,
		);
		expect(
			html.match(/class="pulse-col" style="display:inline-block;vertical-align:top;width:100%;max-width:300px;"/g),
		).toHaveLength(2);
		expect(html).toContain(
			'<!--[if mso]><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600"><tr><td width="300" valign="top" style="width:300px;"><![endif]-->',
		);
		expect(html).toContain('<!--[if mso]></td><td width="300" valign="top" style="width:300px;"><![endif]-->');
		expect(
			columnWidths(
				[
					{ id: "a", blocks: [], width: 30 },
					{ id: "b", blocks: [] },
					{ id: "c", blocks: [] },
				],
				576,
			),
		).toEqual([172, 201, 203]);
	});

	it("uses only tables and inline styles Outlook understands: no flex, no grid, presentation tables", () => {
		for (const starter of STARTER_TEMPLATES) {
			expect(starter.html).not.toMatch(/display:\s*(flex|grid)|\bflex\b|grid-template/);
			const tables = starter.html.match(/<table[^>]*>/g) ?? [];
			expect(tables.length).toBeGreaterThan(2);
			for (const table of tables) expect(table).toContain('role="presentation"');
			expect(starter.html).toContain("{{ unsubscribe_url }}");
		}
	});

	it("derives a clean plain-text part: blocks in order, links spelled out, no layout filler", async () => {
		const html = STARTER_TEMPLATES[0]?.html ?? "";
		const { text } = await renderEmail(
			{ subject: "S", html },
			{
				contact: { id: "c", email: "a@example.com", first_name: "Ada", last_name: null, attributes: {} },
				workspace: { id: "w", name: "Acme", postal_address: "1 Main St" },
				messageId: "m",
				baseUrl: "https://pulse.example",
				tracking: { opens: false, clicks: false },
				secret: "s",
			},
		);
		expect(text).toMatch(/^Acme newsletter\n\nHi Ada, here is what's new\n/);
		expect(text).toContain("Read the story (https://example.com/read-more)");
		expect(text.indexOf("Second item")).toBeLessThan(text.indexOf("Third item"));
		expect(text).not.toMatch(/[\u200b\u00a0]|\[if mso|@media/);
	});

	it("applies the theme and per-block styles", () => {
		const html = compile({
			theme: {
				brand_color: "#ff0066",
				font: "georgia",
				background: "#000000",
				logo_url: "https://example.com/logo.png",
			},
			blocks: [
				{ id: "b", type: "button", label: "Buy", href: "https://example.com" },
				{
					id: "t",
					type: "text",
					text: "x",
					style: { padding: [1, 2, 3, 4], color: "#123456", font: "courier", font_size: 20, background: "#eeeeee" },
				},
			],
		});
		expect(html).toContain('bgcolor="#ff0066"');
		expect(html).toContain("background-color:#000000");
		expect(html).toContain('<img src="https://example.com/logo.png"');
		expect(html).toContain("font-family:Georgia, 'Times New Roman', serif");
		expect(html).toMatch(
			/bgcolor="#eeeeee" style="padding:1px 2px 3px 4px;background-color:#eeeeee;font-family:'Courier New', Courier, monospace;font-size:20px;line-height:30px;color:#123456;/,
		);
		expect(BlockDocumentSchema.safeParse({ theme: { brand_color: "red;x:y" }, blocks: [] }).success).toBe(false);
	});
});
