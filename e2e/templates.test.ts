import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { screenshot } from "./browser";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const HEADING = "Hello from the e2e test";

const browser = useBrowserPage("39-templates-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

async function signUp(id: string) {
	await page.goto("/signup");
	await page.getByLabel("Your name").fill("Tess Templater");
	await page.getByLabel("Work email").fill(`tess-${id}@example.com`);
	await page.getByLabel("Password").fill("correct-horse-1");
	await page.getByLabel("Workspace name").fill(`Templates ${id}`);
	await page.getByRole("button", { name: "Create account", exact: true }).click();
	await page.waitForURL(`${baseUrl}/`);
	await page.getByRole("heading", { name: "Welcome, Tess" }).waitFor();
}

/** A full-page screenshot from the top (sticky bars would otherwise be drawn where the page was scrolled to). */
async function shot(name: string) {
	await page.evaluate(() => window.scrollTo(0, 0));
	await screenshot(page, name);
}

const previewFrame = () => page.getByTestId("email-preview-frame");
const srcdoc = async () => (await previewFrame().getAttribute("srcdoc")) ?? "";
/** Waits until the live preview's HTML satisfies `check` (it re-renders ~300 ms after typing stops). */
async function previewWhere(check: (html: string) => boolean, timeout = 10_000) {
	await expect.poll(async () => check(await srcdoc()), { timeout }).toBe(true);
}

describe("templates", () => {
	it("creates a template from a starter, edits it with a live preview, sends a test and finds it in the Outbox", async () => {
		const id = unique();
		await signUp(id);
		const main = page.getByRole("navigation", { name: "Main" });

		// The Outbox starts empty and says why mail lands there.
		await main.getByRole("link", { name: "Outbox" }).click();
		await page.waitForURL("**/outbox");
		await page.getByRole("heading", { name: "The Outbox is empty" }).waitFor();
		await page.getByText("RESEND_API_KEY").waitFor();
		await shot("70-outbox-empty");

		// No templates yet: the starters are offered, with rendered thumbnails.
		await main.getByRole("link", { name: "Templates" }).click();
		await page.waitForURL("**/templates");
		await page.getByRole("heading", { name: "Start from a template" }).waitFor();
		const starters = page.getByRole("list", { name: "Starters" });
		for (const name of ["Newsletter", "Announcement", "Plain", "Blank"]) {
			await starters.getByRole("button", { name: new RegExp(`^${name}`) }).waitFor();
		}
		await expect
			.poll(async () => (await starters.locator("iframe").first().getAttribute("srcdoc")) ?? "")
			.toContain(`Templates ${id} newsletter`);
		await shot("71-templates-starters");

		// Choosing the newsletter creates it and opens the editor.
		await starters.getByRole("button", { name: /^Newsletter/ }).click();
		await page.waitForURL(/\/templates\/tpl_/);
		const templateId = new URL(page.url()).pathname.split("/").pop() ?? "";
		await page.getByRole("heading", { name: "Newsletter", exact: true }).waitFor();
		// Starters are block templates; this test edits the code, so it switches to HTML (explicitly, as a person must).
		await page.getByRole("button", { name: "Edit as HTML" }).click();
		await page
			.getByRole("dialog", { name: "Edit this template as HTML?" })
			.getByRole("button", { name: "Switch to HTML" })
			.click();
		await page.locator('[data-testid="html-editor"][data-ready="true"] .cm-content').waitFor();
		const subjectShown = page.getByTestId("rendered-subject");
		await subjectShown.filter({ hasText: `This month at Templates ${id}` }).waitFor();
		await previewWhere((html) => html.includes("Hi Ada, here is what"));
		await shot("72-template-editor");

		// The subject renders with Liquid as you type.
		await page.getByLabel("Subject", { exact: true }).fill(`E2E ${id} for {{ contact.first_name }}`);
		await subjectShown.filter({ hasText: `E2E ${id} for Ada` }).waitFor();

		// Preview as a real contact: personalisation follows; then back to the sample contact.
		const created = await page.request.post("/api/v1/contacts", {
			headers: { origin: baseUrl },
			data: { email: `grace-${id}@example.com`, first_name: "Grace", last_name: "Hopper" },
		});
		expect(created.status()).toBeLessThan(300);
		await page.getByTestId("preview-as").click();
		const picker = page.getByRole("dialog", { name: "Preview as a contact" });
		await picker.getByLabel("Search contacts").fill(`grace-${id}`);
		await picker.getByRole("button", { name: new RegExp(`grace-${id}@example.com`) }).click();
		await subjectShown.filter({ hasText: `E2E ${id} for Grace` }).waitFor();
		await previewWhere((html) => html.includes("Hi Grace, here is what"));
		await page.getByTestId("preview-as").click();
		await picker.getByRole("button", { name: /^Sample contact/ }).click();
		await subjectShown.filter({ hasText: `E2E ${id} for Ada` }).waitFor();

		// Type a heading into the code editor, inside the body: the preview follows.
		const wrapperLine = page.locator(".cm-line").filter({ hasText: '<table role="presentation" width="100%"' }).first();
		// The compiled head is long: scroll the code editor (it renders only the lines in view) until the body's table shows.
		await expect
			.poll(async () => {
				await page.locator(".cm-scroller").evaluate((el) => el.scrollBy(0, 120));
				return wrapperLine.count();
			})
			.toBeGreaterThan(0);
		await wrapperLine.click({ position: { x: 2, y: 4 } });
		await page.keyboard.insertText(`<h1 style="text-align:center">${HEADING}</h1>\n`);
		await previewWhere((html) => html.includes(HEADING));
		await page.frameLocator('[data-testid="email-preview-frame"]').getByRole("heading", { name: HEADING }).waitFor();
		await page.getByTestId("save-state").filter({ hasText: "Unsaved changes" }).waitFor();
		await shot("73-template-live-preview");

		// A Liquid syntax error shows its line and column under the editor; the last good preview stays.
		await page.keyboard.insertText("{% if %}");
		const htmlError = page.getByTestId("html-error");
		await htmlError.waitFor();
		expect(await htmlError.textContent()).toMatch(/Line \d+, column \d+/);
		await page.locator(".cm-error-line").waitFor();
		expect(await srcdoc()).toContain(HEADING);
		// Undo takes that edit back (the error goes, the heading stays); redo brings it back.
		await page.keyboard.press("ControlOrMeta+z");
		await htmlError.waitFor({ state: "detached" });
		expect(await page.locator(".cm-content").textContent()).toContain(HEADING);
		await page.keyboard.press("ControlOrMeta+Shift+Z");
		await htmlError.waitFor();
		await shot("74-template-syntax-error");
		// Saving it is refused with the same line and column.
		await page.getByRole("button", { name: "Save", exact: true }).click();
		await page.getByRole("alert").filter({ hasText: "The template was not saved" }).waitFor();
		expect(await htmlError.textContent()).toMatch(/Line \d+, column \d+/);
		await page.locator(".cm-content").focus();
		await htmlError.getByRole("button", { name: /^Go to line/ }).click();
		await page.keyboard.press("End");
		await page.keyboard.press("Home");
		await page.keyboard.press("Delete");
		for (let i = 1; i < "{% if %}".length; i++) await page.keyboard.press("Delete");
		await htmlError.waitFor({ state: "detached" });
		await previewWhere((html) => html.includes(HEADING) && !html.includes("{% if"));

		// Save, and the API has the new source.
		await page.getByRole("button", { name: "Save", exact: true }).click();
		await page.getByRole("status").filter({ hasText: "Template saved" }).waitFor();
		await page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
		const stored = (await (await page.request.get(`/api/v1/templates/${templateId}`)).json()) as {
			subject: string;
			html: string;
		};
		expect(stored.subject).toBe(`E2E ${id} for {{ contact.first_name }}`);
		expect(stored.html).toContain(`<h1 style="text-align:center">${HEADING}</h1>`);

		// Plain text and headers of the preview.
		await page.getByRole("tab", { name: "Plain text" }).click();
		expect(await page.getByTestId("email-preview-text").textContent()).toContain(HEADING);
		await page.getByRole("tab", { name: "Headers" }).click();
		expect(await page.getByTestId("email-preview-headers").textContent()).toContain("List-Unsubscribe");
		await page.getByRole("tab", { name: "HTML preview" }).click();
		await page.getByRole("button", { name: /^Mobile/ }).click();
		expect(await previewFrame().evaluate((el) => (el as HTMLIFrameElement).style.width)).toBe("375px");
		await page.getByRole("button", { name: /^Desktop/ }).click();

		// A test without a default sender explains what to do and links to the settings.
		const recipient = `inbox-${id}@example.com`;
		await page.getByRole("button", { name: "Send test" }).click();
		let dialog = page.getByRole("dialog", { name: "Send a test" });
		const to = dialog.getByLabel("Send to");
		expect(await to.inputValue()).toBe(`tess-${id}@example.com`);
		await to.fill(recipient);
		await dialog.getByRole("button", { name: "Send test" }).click();
		await dialog.getByTestId("no-sender").waitFor();
		await shot("75-send-test-no-sender");
		await dialog.getByRole("link", { name: "Set one in workspace settings" }).click();
		await page.waitForURL("**/settings/workspace");
		await page.getByLabel("Default from email").fill(`news-${id}@example.com`);
		await page.getByRole("button", { name: "Save changes" }).click();
		await page.getByRole("status").filter({ hasText: "Workspace settings saved" }).waitFor();

		// Back in the editor, the test goes to the Outbox.
		await page.goBack();
		await page.waitForURL(`**/templates/${templateId}`);
		await page.locator('[data-testid="html-editor"][data-ready="true"]').waitFor();
		await page.getByRole("button", { name: "Send test" }).click();
		dialog = page.getByRole("dialog", { name: "Send a test" });
		await dialog.getByLabel("Send to").fill(recipient);
		await dialog.getByRole("button", { name: "Send test" }).click();
		await dialog.getByTestId("test-sent").filter({ hasText: recipient }).waitFor();
		await shot("76-send-test-sent");
		await dialog.getByRole("link", { name: "Open it in the Outbox" }).click();
		await page.waitForURL(/\/outbox\/.+/);
		await page.getByRole("heading", { name: `E2E ${id} for Ada` }).waitFor();

		// The Outbox lists it; its detail shows the headers, the HTML as sent and the text.
		await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Outbox" }).click();
		await page.waitForURL("**/outbox");
		const row = page
			.getByRole("table", { name: "Captured messages" })
			.locator("tbody tr")
			.filter({ hasText: recipient });
		await row.waitFor();
		expect(await row.textContent()).toContain(`E2E ${id} for Ada`);
		expect(await row.textContent()).toContain(`news-${id}@example.com`);
		await shot("77-outbox-list");
		await row.getByRole("link", { name: `E2E ${id} for Ada` }).click();
		await page.waitForURL(/\/outbox\/.+/);
		await page.getByRole("heading", { name: `E2E ${id} for Ada` }).waitFor();
		expect(await page.getByTestId("message-envelope").textContent()).toContain(recipient);
		const headers = (await page.getByTestId("message-headers").textContent()) ?? "";
		expect(headers).toContain("List-Unsubscribe");
		await previewWhere((html) => html.includes(HEADING));
		await page.frameLocator('[data-testid="email-preview-frame"]').getByRole("heading", { name: HEADING }).waitFor();
		expect(await previewFrame().getAttribute("sandbox")).toBe("");
		await shot("78-outbox-message");
		await page.getByRole("button", { name: /^Mobile/ }).click();
		await shot("79-outbox-message-mobile");
		await page.getByRole("tab", { name: "Plain text" }).click();
		expect(await page.getByTestId("email-preview-text").textContent()).toContain(HEADING);

		// The template list, and the editor stacked on a phone.
		await main.getByRole("link", { name: "Templates" }).click();
		await page
			.getByRole("table", { name: "Templates" })
			.locator("tbody tr")
			.filter({ hasText: "Newsletter" })
			.waitFor();
		await shot("80-templates-list");
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto(`/templates/${templateId}`);
		await page.locator('[data-testid="html-editor"][data-ready="true"]').waitFor();
		await page.frameLocator('[data-testid="email-preview-frame"]').getByRole("heading", { name: HEADING }).waitFor();
		expect(await previewFrame().evaluate((el) => (el as HTMLIFrameElement).style.width)).toBe("375px");
		// Chromium does not paint sandboxed (cross-origin) frames outside the viewport: make it all visible.
		const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
		await page.setViewportSize({ width: 375, height: fullHeight });
		await shot("81-template-editor-mobile");
	});
});
