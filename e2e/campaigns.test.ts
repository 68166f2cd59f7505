import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { screenshot } from "./browser";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** Digits only, so "1,234" and "1.234" read the same whatever the browser's locale. */
const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

const CONTACTS = 120;
const HEADING = "Spring news from the e2e campaign";

const browser = useBrowserPage("99-campaigns-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

async function signUp(id: string) {
	await page.goto("/signup");
	await page.getByLabel("Your name").fill("Cam Paigner");
	await page.getByLabel("Work email").fill(`cam-${id}@example.com`);
	await page.getByLabel("Password").fill("correct-horse-1");
	await page.getByLabel("Workspace name").fill(`Campaigns ${id}`);
	await page.getByRole("button", { name: "Create account", exact: true }).click();
	await page.waitForURL(`${baseUrl}/`);
	await page.getByRole("heading", { name: "Welcome, Cam" }).waitFor();
}

/** A full-page screenshot from the top (sticky bars would otherwise be drawn where the page was scrolled to). */
async function shot(name: string) {
	await page.evaluate(() => window.scrollTo(0, 0));
	await screenshot(page, name);
}

/** API calls with the page's session cookie (a same-origin `Origin`, as the browser would send). */
async function apiCall<T>(method: "POST" | "PATCH", url: string, data: unknown): Promise<T> {
	const response = await page.request.fetch(url, { method, headers: { origin: baseUrl }, data });
	expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
	return (await response.json()) as T;
}

/** Imports `CONTACTS` subscribed contacts from a CSV and waits for the import to finish. */
async function importContacts(id: string) {
	const rows = Array.from({ length: CONTACTS }, (_, i) => `r${i}.${id}@example.com,Reader${i},Number${i}`);
	const response = await page.request.post("/api/v1/contacts/import", {
		headers: { origin: baseUrl },
		multipart: {
			file: {
				name: `readers-${id}.csv`,
				mimeType: "text/csv",
				buffer: Buffer.from(`email,first_name,last_name\n${rows.join("\n")}\n`, "utf8"),
			},
		},
	});
	expect(response.status(), await response.text()).toBe(202);
	const { import_id } = (await response.json()) as { import_id: string };
	await expect
		.poll(
			async () =>
				((await (await page.request.get(`/api/v1/imports/${import_id}`)).json()) as { status: string }).status,
			{ timeout: 30_000 },
		)
		.toBe("completed");
}

describe("campaigns", () => {
	it("creates a campaign, confirms the exact audience, sends it, watches it complete and finds it in the Outbox", async () => {
		const id = unique();
		await signUp(id);
		const sender = `news-${id}@example.com`;

		// Setup through the API with the page's cookies: a default sender (no postal address yet), contacts, a template.
		await apiCall("PATCH", "/api/v1/workspace", { default_from_name: "Pulse News", default_from_email: sender });
		await importContacts(id);
		const template = await apiCall<{ id: string }>("POST", "/api/v1/templates", {
			name: `Spring ${id}`,
			subject: `Spring at Campaigns ${id}, {{ contact.first_name }}`,
			html: `<html><body><h1>${HEADING}</h1><p>Hi {{ contact.first_name }}, <a href="https://example.com/spring">read more</a>.</p></body></html>`,
		});

		// The campaigns list starts empty and says what to do.
		await page.reload();
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
		await page.waitForURL("**/campaigns");
		await page.getByRole("heading", { name: "No campaigns yet" }).waitFor();
		await shot("90-campaigns-empty");

		// The form: sender prefilled from the workspace, the live count next to "all subscribed contacts".
		await page.getByRole("link", { name: "Create your first campaign" }).click();
		await page.waitForURL("**/campaigns/new");
		await page.getByRole("heading", { name: "New campaign" }).waitFor();
		expect(await page.getByLabel("From email").inputValue()).toBe(sender);
		expect(await page.getByLabel("From name").inputValue()).toBe("Pulse News");
		await page.getByLabel("Campaign name").fill(`Spring send ${id}`);
		await expect.poll(async () => digits(await page.getByTestId("audience-count-all").textContent())).toBe(CONTACTS);
		expect(await page.getByRole("radio", { name: /All subscribed contacts/ }).isChecked()).toBe(true);

		// Sending without a template names the field.
		await page.getByRole("button", { name: "Review and send…" }).click();
		await page.locator("[data-field-error]").filter({ hasText: "Choose a template" }).waitFor();

		// The template's sandboxed preview, rendered as it will be sent, with a link to edit it.
		await page.getByLabel("Template", { exact: true }).selectOption(template.id);
		const frame = page.getByTestId("email-preview-frame");
		await expect.poll(async () => (await frame.getAttribute("srcdoc")) ?? "").toContain(HEADING);
		expect(await frame.getAttribute("sandbox")).toBe("");
		expect(await page.getByRole("link", { name: /Edit template/ }).getAttribute("href")).toBe(
			`/templates/${template.id}`,
		);
		await page
			.getByTestId("rendered-subject")
			.filter({ hasText: `Spring at Campaigns ${id}, Ada` })
			.waitFor();
		await shot("91-campaign-form");

		// The confirmation states the exact audience, the subject and the sender.
		await page.getByRole("button", { name: "Review and send…" }).click();
		const dialog = page.getByRole("dialog", { name: `Send to ${CONTACTS} contacts now?` });
		await dialog.waitFor();
		expect(digits(await dialog.getByTestId("send-audience").textContent())).toBe(CONTACTS);
		// The subject as a recipient of this audience will see it (rendered for one of them).
		expect(await dialog.getByTestId("send-subject").textContent()).toMatch(
			new RegExp(`^Spring at Campaigns ${id}, [^{}]+$`),
		);
		expect(await dialog.getByTestId("send-from").textContent()).toBe(`Pulse News <${sender}>`);

		// Without a postal address the send would be refused: the dialog says where to add it, and the button waits.
		await dialog.getByTestId("postal-missing").waitFor();
		expect(await dialog.getByRole("button", { name: "Send now" }).isDisabled()).toBe(true);
		expect(await dialog.getByRole("link", { name: "Add it in workspace settings" }).getAttribute("href")).toBe(
			"/settings/workspace",
		);
		await shot("92-send-postal-missing");
		await apiCall("PATCH", "/api/v1/workspace", { postal_address: "1 Test Street, 10115 Berlin" });
		await dialog.getByRole("button", { name: "Check again" }).click();
		await dialog.getByRole("button", { name: "Send now" }).click();

		// The campaign page: the bar reaches 100 % and the campaign completes (the capture outbox delivers at once).
		await page.waitForURL(/\/campaigns\/cmp_[^/]+$/);
		const campaignId = new URL(page.url()).pathname.split("/").pop() ?? "";
		await page.getByRole("heading", { name: `Spring send ${id}` }).waitFor();
		const bar = page.getByRole("progressbar", { name: "Send progress" });
		await bar.waitFor();
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^completed$/ })
			.waitFor({ timeout: 45_000 });
		await expect.poll(async () => bar.getAttribute("aria-valuenow")).toBe("100");
		const stat = (name: string) => page.locator(`[data-stat="${name}"] dd`);
		await expect.poll(async () => digits(await stat("sent").textContent())).toBe(CONTACTS);
		expect(digits(await stat("audience").textContent())).toBe(CONTACTS);
		expect(digits(await stat("failed").textContent())).toBe(0);
		expect(digits(await stat("suppressed").textContent())).toBe(0);
		const stats = (await (await page.request.get(`/api/v1/campaigns/${campaignId}/stats`)).json()) as {
			sent: number;
			audience: number;
		};
		expect(stats).toMatchObject({ sent: CONTACTS, audience: CONTACTS });

		// Only what a completed campaign allows is offered.
		for (const name of ["Pause", "Resume", "Send now…", "Schedule…", "Edit", "Cancel campaign", "Delete"]) {
			expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(0);
			expect(await page.getByRole("link", { name, exact: true }).count(), name).toBe(0);
		}

		// A sent campaign leads with its results: the comments and the timeline follow them, and the timeline no
		// longer asks for a schedule.
		const timeline = page.getByTestId("timeline-card");
		await timeline.locator("[data-milestone]").first().waitFor();
		const resultsFirst = await page.getByTestId("delivery-stats").evaluate((numbers) => {
			const comments = document.querySelector('[data-testid="comments-card"]');
			return comments !== null && Boolean(numbers.compareDocumentPosition(comments) & Node.DOCUMENT_POSITION_FOLLOWING);
		});
		expect(resultsFirst).toBe(true);
		expect(await timeline.getByText("Schedule the campaign").count()).toBe(0);

		// The per-recipient log: every row sent, filterable by status.
		const log = page.getByRole("table", { name: "Recipients" });
		await log.locator("tbody tr").first().waitFor();
		expect(await log.locator("tbody tr").count()).toBe(50);
		await page.getByRole("button", { name: "Load more" }).click();
		await expect.poll(async () => log.locator("tbody tr").count()).toBe(100);
		await page.getByLabel("Status", { exact: true }).selectOption("failed");
		await page.getByRole("heading", { name: "No failed recipients" }).waitFor();
		await page.getByLabel("Status", { exact: true }).selectOption("sent");
		await log.locator("tbody tr").first().waitFor();
		await shot("93-campaign-completed");

		// The list shows it completed.
		await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Campaigns" }).click();
		await page.waitForURL("**/campaigns");
		const row = page
			.getByRole("table", { name: "Campaigns" })
			.locator("tbody tr")
			.filter({ hasText: `Spring send ${id}` });
		await row.getByText("completed", { exact: true }).waitFor();
		expect(await row.getByTestId("campaign-processed").textContent()).toMatch(/120 of 120 processed/);
		await shot("94-campaigns-list");

		// "View in Outbox" lists this campaign's messages; one opens with the rendered HTML.
		await row.getByRole("link", { name: `Spring send ${id}` }).click();
		await page.waitForURL(`**/campaigns/${campaignId}`);
		await page.getByRole("link", { name: "View in Outbox" }).click();
		await page.waitForURL(`**/outbox?campaign_id=${campaignId}`);
		const captured = page.getByRole("table", { name: "Captured messages" }).locator("tbody tr");
		await captured.first().waitFor();
		expect(await captured.first().textContent()).toContain(`Spring at Campaigns ${id}, Reader`);
		await captured.first().getByRole("link").click();
		await page.waitForURL(/\/outbox\/[^/?]+$/);
		await page.getByTestId("message-envelope").getByText(campaignId).waitFor();
		await expect.poll(async () => (await frame.getAttribute("srcdoc")) ?? "").toContain(HEADING);
		await page.frameLocator('[data-testid="email-preview-frame"]').getByRole("heading", { name: HEADING }).waitFor();
		expect(await frame.getAttribute("srcdoc")).toContain("1 Test Street, 10115 Berlin");
		await shot("95-outbox-campaign-message");

		// The overview lists it among the recent campaigns.
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
		await page.getByRole("heading", { name: "Recent campaigns" }).waitFor();
		await page.getByRole("region", { name: "Recent campaigns" }).getByText(`Spring send ${id}`).waitFor();
		await shot("96-overview-recent-campaigns");
	});

	it("schedules a draft, then cancels and deletes it with confirmations", async () => {
		const id = unique();
		await signUp(id);
		await apiCall("PATCH", "/api/v1/workspace", {
			default_from_email: `news-${id}@example.com`,
			postal_address: "2 Test Street, Berlin",
		});
		await apiCall("POST", "/api/v1/contacts", { email: `only-${id}@example.com`, first_name: "Only" });
		const template = await apiCall<{ id: string }>("POST", "/api/v1/templates", {
			name: `Later ${id}`,
			subject: "Later",
			html: "<p>Later</p>",
		});
		const draft = await apiCall<{ id: string }>("POST", "/api/v1/campaigns", {
			name: `Later send ${id}`,
			template_id: template.id,
		});

		// A draft offers Send now, Schedule, Edit, Cancel and Delete, not Pause or Resume.
		await page.goto(`/campaigns/${draft.id}`);
		await page.getByRole("heading", { name: `Later send ${id}` }).waitFor();
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^draft$/ })
			.waitFor();
		expect(digits(await page.getByTestId("audience-now").textContent())).toBe(1);
		for (const name of ["Send now…", "Schedule…", "Delete"])
			await page.getByRole("button", { name, exact: true }).waitFor();
		await page.getByRole("link", { name: "Edit", exact: true }).waitFor();
		// A draft has nothing to cancel (it is deleted instead).
		for (const name of ["Pause", "Cancel campaign"])
			expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(0);

		// Schedule for tomorrow: the dialog states the audience (singular) and asks for a time in the future.
		await page.getByRole("button", { name: "Schedule…", exact: true }).click();
		const dialog = page.getByRole("dialog", { name: "Schedule for 1 contact?" });
		await dialog.waitFor();
		await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
		await dialog.getByText("Choose a date and time").waitFor();
		const tomorrow = new Date(Date.now() + 86_400_000);
		const pad = (n: number) => String(n).padStart(2, "0");
		await dialog
			.getByLabel("Send at")
			.fill(
				`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:${pad(tomorrow.getMinutes())}`,
			);
		await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
		await dialog.waitFor({ state: "detached" });
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^scheduled$/ })
			.waitFor();
		await page.getByText(/^Scheduled for /).waitFor();
		expect(await page.getByRole("button", { name: "Schedule…", exact: true }).count()).toBe(0);
		await shot("97-campaign-scheduled");

		// Cancel asks first; a cancelled campaign can only be deleted.
		await page.getByRole("button", { name: "Cancel campaign", exact: true }).click();
		const cancel = page.getByRole("dialog", { name: "Cancel this campaign?" });
		await cancel.getByRole("button", { name: "Keep it" }).click();
		await cancel.waitFor({ state: "detached" });
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^scheduled$/ })
			.waitFor();
		await page.getByRole("button", { name: "Cancel campaign", exact: true }).click();
		await cancel.getByRole("button", { name: "Cancel campaign" }).click();
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^cancelled$/ })
			.waitFor();
		// The badge follows the live socket; the actions follow the reloaded record a moment later.
		await page.getByRole("button", { name: "Cancel campaign", exact: true }).waitFor({ state: "detached" });
		for (const name of ["Send now…", "Cancel campaign", "Pause", "Resume"])
			expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(0);
		expect(await page.getByRole("link", { name: "Edit", exact: true }).count()).toBe(0);
		await page.getByRole("button", { name: "Delete", exact: true }).click();
		const del = page.getByRole("dialog", { name: "Delete this campaign?" });
		await shot("98-campaign-delete-confirm");
		await del.getByRole("button", { name: "Delete campaign" }).click();
		await page.waitForURL("**/campaigns");
		await page.getByRole("heading", { name: "No campaigns yet" }).waitFor();
		expect((await page.request.get(`/api/v1/campaigns/${draft.id}`)).status()).toBe(404);
	});
});
