import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const browser = useBrowserPage("59-block-editor-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

/** Tokens are per message; everything else must be byte for byte what the preview showed. */
const withoutTokens = (s: string) => s.replace(/\/(t\/[co]|u)\/[\w-]+/g, "/$1/TOKEN");
const cardTypes = (list: string) =>
	page
		.getByRole("list", { name: list, exact: true })
		.locator(":scope > li")
		.evaluateAll((items) => items.map((li) => li.getAttribute("data-block-type")));
const previewFrame = () => page.getByTestId("email-preview-frame");
const srcdoc = async () => (await previewFrame().getAttribute("srcdoc")) ?? "";

describe("block editor", () => {
	it("builds a template from blocks, reorders them, previews on mobile and sends a test that matches the preview", async () => {
		const id = Date.now().toString(36);
		const api = await apiSession(baseUrl, { id, name: "Bea Blocks", ip: "198.51.100.59" });
		await api.json("PATCH", "/api/v1/workspace", {
			default_from_email: `news-${id}@example.com`,
			postal_address: "7 Block Lane, Bristol",
		});
		await browser.signIn(api.cookie);

		// A blank block template from the gallery opens in the block editor.
		await page.goto("/templates/new");
		await page
			.getByRole("list", { name: "Starters" })
			.getByRole("button", { name: /^Blank/ })
			.click();
		await page.waitForURL(/\/templates\/tpl_/);
		const templateId = new URL(page.url()).pathname.split("/").pop() ?? "";
		await page.getByRole("list", { name: "Blocks of the email", exact: true }).waitFor();
		await expect.poll(srcdoc, { timeout: 10_000 }).toContain("Your headline");
		expect(await cardTypes("Blocks of the email")).toEqual(["heading", "text", "footer"]);

		// Add a button and fill it in; add two columns.
		await page.getByRole("button", { name: "+ Button" }).click();
		const inspector = page.getByTestId("block-inspector");
		await inspector.getByLabel("Label", { exact: true }).fill("Shop the sale");
		await inspector.getByLabel("Link", { exact: true }).fill(`https://shop.example/sale-${id}`);
		await page.getByRole("button", { name: "+ Columns" }).click();
		expect(await cardTypes("Blocks of the email")).toEqual(["heading", "text", "footer", "button", "section"]);

		// Rich text with personalization in the text block.
		await page.locator('[data-block-type="text"]').first().locator(".be-card-title").click();
		await inspector.getByLabel("Text", { exact: true }).fill("**Big** news for {{ contact.first_name }}, *today*.");
		await expect.poll(srcdoc, { timeout: 10_000 }).toContain("<strong>Big</strong> news for Ada, <em>today</em>.");

		// Reorder: drag the footer onto the columns (it lands last), then move the button up with the keyboard buttons.
		const top = page.getByRole("list", { name: "Blocks of the email", exact: true });
		await top
			.locator(':scope > li[data-block-type="footer"] .be-handle')
			.dragTo(top.locator(':scope > li[data-block-type="section"] > .be-card-head .be-card-title'));
		expect(await cardTypes("Blocks of the email")).toEqual(["heading", "text", "button", "section", "footer"]);
		await page.getByRole("button", { name: "Move Button up" }).click();
		await page.getByRole("button", { name: "Move Button up" }).click();
		expect(await cardTypes("Blocks of the email")).toEqual(["button", "heading", "text", "section", "footer"]);
		await expect
			.poll(async () => {
				const html = await srcdoc();
				return html.indexOf("Shop the sale") >= 0 && html.indexOf("Shop the sale") < html.indexOf("Your headline");
			})
			.toBe(true);

		// The theme's brand colour reaches the button.
		await page.getByText("Theme", { exact: true }).click();
		await page.getByLabel("Brand colour").fill("#e8590c");
		await expect.poll(srcdoc).toContain('bgcolor="#e8590c"');

		// Columns can be given other widths than equal shares.
		await top.locator(':scope > li[data-block-type="section"] > .be-card-head .be-card-title').click();
		await inspector.getByLabel("Widths").selectOption({ label: "Narrow + wide" });
		await expect
			.poll(srcdoc)
			.toContain('class="pulse-col" style="display:inline-block;vertical-align:top;width:100%;max-width:190px;"');

		// Save the button as a reusable block and insert it again from the palette.
		await page.getByRole("button", { name: "Save Button as a reusable block" }).click();
		const dialog = page.getByRole("dialog", { name: "Save as a reusable block" });
		await dialog.getByLabel("Block name").fill("Sale button");
		await dialog.getByRole("button", { name: "Save block" }).click();
		await page.getByRole("button", { name: "Insert saved block Sale button" }).click();
		expect((await cardTypes("Blocks of the email")).filter((t) => t === "button")).toHaveLength(2);
		await page.getByRole("button", { name: "Delete Button" }).last().click();
		expect((await cardTypes("Blocks of the email")).filter((t) => t === "button")).toHaveLength(1);
		// Undo brings the deleted copy back, redo deletes it again.
		await page.getByRole("button", { name: "Undo", exact: true }).click();
		expect((await cardTypes("Blocks of the email")).filter((t) => t === "button")).toHaveLength(2);
		await page.getByRole("button", { name: "Redo", exact: true }).click();
		expect((await cardTypes("Blocks of the email")).filter((t) => t === "button")).toHaveLength(1);

		// A content block can be dragged into a column (and the preview follows).
		await top
			.locator(':scope > li[data-block-type="heading"] > .be-card-head .be-handle')
			.dragTo(page.getByRole("list", { name: "Column 1" }).locator("li .be-card-title").first());
		expect(await cardTypes("Column 1")).toEqual(["heading", "text"]);
		expect(await cardTypes("Blocks of the email")).toEqual(["button", "text", "section", "footer"]);

		await page.getByRole("button", { name: "Save", exact: true }).click();
		await page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
		await expect.poll(async () => (await page.locator(".preview-status").textContent())?.trim()).toBe("");
		await browser.shot("60-block-editor");

		// On a phone's width the two columns stack.
		await page.getByRole("button", { name: /^Mobile/ }).click();
		expect(await previewFrame().evaluate((el) => (el as HTMLIFrameElement).style.width)).toBe("375px");
		const cols = page.frameLocator('[data-testid="email-preview-frame"]').locator(".pulse-col");
		await expect.poll(() => cols.count()).toBe(2);
		const [left, right] = [await cols.nth(0).boundingBox(), await cols.nth(1).boundingBox()];
		expect(right?.y ?? 0).toBeGreaterThanOrEqual((left?.y ?? 0) + (left?.height ?? 0) - 1);
		expect(Math.round(right?.width ?? 0)).toBe(Math.round(left?.width ?? 1));
		await browser.shot("61-block-editor-mobile");
		const previewed = await srcdoc();

		// A test send goes through the same pipeline: the captured HTML is the preview's, tracking and all.
		await page.getByRole("button", { name: "Send test" }).click();
		const send = page.getByRole("dialog", { name: "Send a test" });
		await send.getByLabel("Send to").fill(`qa-${id}@example.com`);
		await send.getByRole("button", { name: "Send test" }).click();
		await send.getByTestId("test-sent").waitFor();
		await send.getByRole("button", { name: "Done" }).click();
		const outbox = await api.json<{
			data: { id: string; to: string; html: string; headers: Record<string, string> }[];
		}>("GET", "/api/v1/outbox");
		const captured = outbox.data.find((m) => m.to === `qa-${id}@example.com`);
		expect(captured?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
		expect(captured?.html).toMatch(/\/t\/o\/[\w-]+/);
		expect(captured?.html).toContain("7 Block Lane, Bristol");
		expect(withoutTokens(captured?.html ?? "")).toBe(withoutTokens(previewed));

		// The editor itself on a phone.
		await page.setViewportSize({ width: 375, height: 800 });
		await page.getByRole("list", { name: "Blocks of the email", exact: true }).scrollIntoViewIfNeeded();
		await browser.shot("62-block-editor-phone");
		await page.setViewportSize({ width: 1280, height: 800 });

		// Switching to HTML is explicit, and the compiled HTML becomes the source.
		await page.getByRole("button", { name: "Edit as HTML" }).click();
		await page
			.getByRole("dialog", { name: "Edit this template as HTML?" })
			.getByRole("button", { name: "Switch to HTML" })
			.click();
		await page.locator('[data-testid="html-editor"][data-ready="true"]').waitFor();
		const stored = await api.json<{ editor: string; html: string }>("GET", `/api/v1/templates/${templateId}`);
		expect(stored.editor).toBe("html");
		expect(stored.html).toContain("Shop the sale");
	});
});
