import { describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";

const BLOCKS = {
	theme: { brand_color: "#ff3366", font: "georgia" },
	blocks: [
		{ id: "h", type: "heading", text: 'Hi {{ contact.first_name | default: "there" }}' },
		{
			id: "s",
			type: "section",
			columns: [
				{ id: "c1", blocks: [{ id: "t1", type: "text", text: "**Left** <b>x</b> [shop](https://shop.example/a)" }] },
				{ id: "c2", blocks: [{ id: "b1", type: "button", label: "Buy", href: "https://shop.example/buy" }] },
			],
		},
		{ id: "f", type: "footer" },
	],
};
const TEMPLATE = { name: "Blocks", subject: "For {{ contact.first_name }}", blocks: BLOCKS };

async function ready() {
	const owner = await signupOwner("Blocks Co");
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ default_from_email: "news@blocks.example", postal_address: "5 Block Rd, Leeds" },
		{ cookie: owner.cookie },
	);
	return owner;
}

describe("block templates", () => {
	it("compiles the blocks to the template's html on create and on patch", async () => {
		const { cookie } = await ready();
		const created = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ editor: "blocks", blocks: { theme: { brand_color: "#ff3366" } } });
		expect(created.json.html).toContain('Hi {{ contact.first_name | default: "there" }}');
		expect(created.json.html).toContain("<strong>Left</strong> &lt;b&gt;x&lt;/b&gt;");
		expect(created.json.html).toContain('class="pulse-col"');
		expect(created.json.html).toContain('bgcolor="#ff3366"');
		const next = { ...BLOCKS, blocks: [BLOCKS.blocks[2], BLOCKS.blocks[0]] };
		const patched = await call("PATCH", `/api/v1/templates/${created.json.id}`, { blocks: next }, { cookie });
		expect(patched.status).toBe(200);
		expect(patched.json.blocks.blocks.map((b: { id: string }) => b.id)).toEqual(["f", "h"]);
		expect(patched.json.html.indexOf("unsubscribe_url")).toBeLessThan(patched.json.html.indexOf("Hi {{"));
		const renamed = await call("PATCH", `/api/v1/templates/${created.json.id}`, { name: "Renamed" }, { cookie });
		expect(renamed.json).toMatchObject({ name: "Renamed", editor: "blocks", html: patched.json.html });
		const listed = await call("GET", "/api/v1/templates", undefined, { cookie });
		expect(listed.json.data[0]).toMatchObject({ editor: "blocks" });
	});

	it("refuses unsafe links and bad styles with the block's path, and html written over blocks", async () => {
		const { cookie } = await ready();
		const js = { ...BLOCKS, blocks: [{ id: "t", type: "text", text: "[x](javascript:alert(1))" }] };
		const unsafe = await call("POST", "/api/v1/templates", { ...TEMPLATE, blocks: js }, { cookie });
		expect(unsafe.status).toBe(422);
		expect(unsafe.error.issues[0].path).toBe("blocks.blocks.0.text");
		const button = { ...BLOCKS, blocks: [{ id: "b", type: "button", label: "x", href: "javascript:alert(1)" }] };
		expect((await call("POST", "/api/v1/templates", { ...TEMPLATE, blocks: button }, { cookie })).status).toBe(400);
		const css = { ...BLOCKS, blocks: [{ id: "t", type: "text", text: "x", style: { color: "red;position:fixed" } }] };
		expect((await call("POST", "/api/v1/templates", { ...TEMPLATE, blocks: css }, { cookie })).status).toBe(400);
		const both = await call("POST", "/api/v1/templates", { ...TEMPLATE, html: "<p>x</p>" }, { cookie });
		expect(both.status).toBe(400);
		const created = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const overwrite = await call("PATCH", `/api/v1/templates/${created.json.id}`, { html: "<p>hi</p>" }, { cookie });
		expect(overwrite.status).toBe(409);
		expect(overwrite.error.code).toBe("editor_conflict");
		expect((await call("GET", `/api/v1/templates/${created.json.id}`, undefined, { cookie })).json.editor).toBe(
			"blocks",
		);
	});

	it("names the block whose Liquid does not parse, on save and in the live render", async () => {
		const { cookie } = await ready();
		const broken = {
			...BLOCKS,
			blocks: [
				BLOCKS.blocks[0],
				{ id: "s", type: "section", columns: [{ id: "c", blocks: [{ id: "t", type: "text", text: "{% if %}x" }] }] },
			],
		};
		const saved = await call("POST", "/api/v1/templates", { ...TEMPLATE, blocks: broken }, { cookie });
		expect(saved.status).toBe(422);
		expect(saved.error.issues[0].path).toBe("blocks.blocks.1.columns.0.blocks.0.text");
		const live = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: "S", blocks: broken } },
			{ cookie },
		);
		expect(live.status).toBe(422);
		expect(live.error.issues[0].path).toBe("template.blocks.blocks.1.columns.0.blocks.0.text");
		// A condition opened in one block and closed in another is fine.
		const spanning = {
			...BLOCKS,
			blocks: [
				{ id: "a", type: "text", text: "{% if contact.first_name %}Hello" },
				{ id: "b", type: "text", text: "again{% endif %}" },
			],
		};
		expect((await call("POST", "/api/v1/templates", { ...TEMPLATE, blocks: spanning }, { cookie })).status).toBe(201);
	});

	it("switches blocks to HTML only when asked, keeping the compiled html; HTML to blocks needs blocks", async () => {
		const { cookie } = await ready();
		const created = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const id = created.json.id;
		const switched = await call("PATCH", `/api/v1/templates/${id}`, { editor: "html" }, { cookie });
		expect(switched.status).toBe(200);
		expect(switched.json).toMatchObject({ editor: "html", blocks: null, html: created.json.html });
		const edited = await call("PATCH", `/api/v1/templates/${id}`, { html: "<p>Now HTML</p>" }, { cookie });
		expect(edited.json).toMatchObject({ editor: "html", html: "<p>Now HTML</p>" });
		const back = await call("PATCH", `/api/v1/templates/${id}`, { editor: "blocks" }, { cookie });
		expect(back.status).toBe(409);
		expect(back.error).toMatchObject({ code: "editor_conflict", issues: [{ path: "blocks" }] });
		const withBlocks = await call("PATCH", `/api/v1/templates/${id}`, { editor: "blocks", blocks: BLOCKS }, { cookie });
		expect(withBlocks.json).toMatchObject({ editor: "blocks", html: created.json.html });
		const fresh = await call("POST", "/api/v1/templates", { name: "H", subject: "S", html: "<p>x</p>" }, { cookie });
		expect(fresh.json).toMatchObject({ editor: "html", blocks: null });
	});

	it("previews, renders and test-sends a block template like any other: Liquid, tracking, footer, RFC 8058", async () => {
		const { cookie } = await ready();
		const created = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const preview = await call("POST", `/api/v1/templates/${created.json.id}/preview`, {}, { cookie });
		expect(preview.status).toBe(200);
		expect(preview.json.subject).toBe("For Ada");
		expect(preview.json.html).toContain("Hi Ada");
		expect(preview.json.html).toMatch(/href="http:\/\/pulse\.test\/t\/c\/[\w-]+"/);
		expect(preview.json.html).toMatch(/src="http:\/\/pulse\.test\/t\/o\/[\w-]+"/);
		expect(preview.json.html).toContain("5 Block Rd, Leeds");
		expect(preview.json.html).toMatch(/href="http:\/\/pulse\.test\/u\/[\w-]+"/);
		expect(preview.json.html).not.toContain('data-pulse="footer"');
		expect(preview.json.html).toContain('<!--[if mso]><table role="presentation"');
		expect(preview.json.html).toMatch(/@media only screen and \(max-width:599px\)/);
		expect(preview.json.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

		const live = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: "S", blocks: BLOCKS } },
			{ cookie },
		);
		expect(live.status).toBe(200);
		expect(live.json.html).toContain("Hi Ada");

		const sent = await call(
			"POST",
			`/api/v1/templates/${created.json.id}/test-send`,
			{ to: ["qa@blocks.example"] },
			{ cookie },
		);
		expect(sent.status).toBe(200);
		const outbox = await call("GET", `/api/v1/outbox/${sent.json.outbox_ids[0]}`, undefined, { cookie });
		expect(outbox.json.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/pulse\.test\/u\/[\w-]+>$/);
		expect(outbox.json.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		const strip = (s: string) => s.replace(/\/(t\/[co]|u)\/[\w-]+/g, "/$1/TOKEN");
		expect(strip(outbox.json.html)).toBe(strip(preview.json.html));
	});

	it("offers the starters as block documents that compile to their html", async () => {
		const { cookie } = await ready();
		const starters = await call("GET", "/api/v1/templates/starters", undefined, { cookie });
		for (const starter of starters.json.data) {
			expect(starter.editor).toBe("blocks");
			const made = await call(
				"POST",
				"/api/v1/templates",
				{ name: starter.name, subject: starter.subject, blocks: starter.blocks },
				{ cookie },
			);
			expect(made.status, starter.key).toBe(201);
			expect(made.json.html).toBe(starter.html);
		}
	});

	it("lets a viewer read a block template but not change or switch it", async () => {
		const { cookie } = await ready();
		const viewer = await addMember(cookie, "viewer");
		const created = await call("POST", "/api/v1/templates", TEMPLATE, { cookie });
		const read = await call("GET", `/api/v1/templates/${created.json.id}`, undefined, { cookie: viewer.cookie });
		expect(read.json.blocks.blocks).toHaveLength(3);
		const switched = await call(
			"PATCH",
			`/api/v1/templates/${created.json.id}`,
			{ editor: "html" },
			{ cookie: viewer.cookie },
		);
		expect(switched.status).toBe(403);
	});
});
