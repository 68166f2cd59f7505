import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** Digits only, so "20,000" and "20.000" read the same whatever the browser's locale. */
const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

/** Large enough that the import takes a few polls locally; the test still passes if it is faster. */
const GOOD_ROWS = 20_000;
/** An import that runs at least this long must have shown an intermediate value (polls are every 500 ms). */
const SLOW_ENOUGH_MS = 1_500;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let workDir: string;

beforeAll(async () => {
	browser = await launchBrowser();
	workDir = mkdtempSync(path.join(tmpdir(), "pulse-e2e-csv-"));
});
afterAll(async () => {
	await browser?.close();
	rmSync(workDir, { recursive: true, force: true });
});
beforeEach(async () => {
	context = await browser.newContext({
		baseURL: baseUrl,
		viewport: { width: 1280, height: 800 },
		acceptDownloads: true,
	});
	page = await context.newPage();
	page.setDefaultTimeout(15_000);
});
afterEach(async () => {
	await context?.close();
});

type BadRow = { line: number; email: string; reason: RegExp };

/** A CSV with a BOM, GOOD_ROWS valid rows (every 7th in Berlin) and three bad rows in the middle. */
function writeCsv(id: string) {
	const email = (i: number) => `c${i}.${id}@example.com`;
	const lines = ["\uFEFFemail,first_name,last_name,tags,city,orders"];
	const bad: BadRow[] = [];
	let berlin = 0;
	for (let i = 0; i < GOOD_ROWS; i++) {
		if (i === 1000) {
			lines.push("not-an-email,Bad,Address,,Paris,1");
			bad.push({ line: lines.length, email: "not-an-email", reason: /not-an-email/ });
			lines.push(`${email(0)},Again,Twice,,Paris,1`);
			bad.push({ line: lines.length, email: email(0), reason: /Duplicate of line 2/ });
			lines.push(`short.${id}@example.com,Short`);
			bad.push({ line: lines.length, email: `short.${id}@example.com`, reason: /column/ });
		}
		const city = i % 7 === 0 ? "Berlin" : "Paris";
		if (city === "Berlin") berlin++;
		lines.push(`${email(i)},First${i},Last${i},imported;batch-${i % 3},${city},${i % 5}`);
	}
	const file = path.join(workDir, `contacts-${id}.csv`);
	writeFileSync(file, `${lines.join("\r\n")}\r\n`, "utf8");
	return { file, bad, berlin, email };
}

/** Clicks a download link and reads the file the browser saved. */
async function downloadText(page: Page, link: ReturnType<Page["getByTestId"]>, name: string) {
	const downloading = page.waitForEvent("download");
	await link.click();
	const file = path.join(workDir, `${unique()}-${name}`);
	await (await downloading).saveAs(file);
	return readFileSync(file, "utf8");
}

async function signUp(id: string) {
	await page.goto("/signup");
	await page.getByLabel("Your name").fill("Iris Importer");
	await page.getByLabel("Work email").fill(`iris-${id}@example.com`);
	await page.getByLabel("Password").fill("correct-horse-1");
	await page.getByLabel("Workspace name").fill(`Imports ${id}`);
	await page.getByRole("button", { name: "Create account", exact: true }).click();
	await page.waitForURL(`${baseUrl}/`);
	await page.getByRole("heading", { name: "Welcome, Iris" }).waitFor();
}

/** Records every value the import progress bar shows, from before the upload on. */
async function watchProgress() {
	await page.evaluate(() => {
		const seen: number[] = [];
		Object.assign(window, { progressSeen: seen });
		const record = () => {
			const value = document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
			if (value === null || value === undefined) return;
			if (seen.at(-1) !== Number(value)) seen.push(Number(value));
		};
		new MutationObserver(record).observe(document.body, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ["aria-valuenow"],
		});
	});
	return () => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
}

describe("contacts", () => {
	it("imports a CSV with a moving progress bar and an error report, then finds and segments the contacts", async () => {
		const id = unique();
		const csv = writeCsv(id);
		await signUp(id);

		// An empty list says what to do next.
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
		await page.waitForURL("**/contacts");
		await page.getByRole("heading", { name: "No contacts yet" }).waitFor();
		await screenshot(page, "40-contacts-empty");

		await page.getByRole("link", { name: "Import CSV" }).first().click();
		await page.waitForURL("**/contacts/import");
		await page.getByRole("heading", { name: "Import contacts" }).waitFor();
		await page.getByLabel("CSV file").setInputFiles(csv.file);
		await page
			.getByTestId("chosen-file")
			.filter({ hasText: path.basename(csv.file) })
			.waitFor();
		await screenshot(page, "41-import-file-chosen");

		const progressValues = await watchProgress();
		await page.getByRole("button", { name: "Start import" }).click();
		const bar = page.getByRole("progressbar", { name: "Import progress" });
		await bar.waitFor();
		await screenshot(page, "42-import-running");
		await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 45_000 });
		const status = page.getByTestId("import-status");
		await status.getByText("completed", { exact: true }).waitFor();

		// The bar moved: values only grow, end at 100, and a slow enough import showed steps in between.
		const seen = await progressValues();
		const importId = new URL(page.url()).searchParams.get("import") ?? "";
		expect(importId).toMatch(/^imp_/);
		const job = (await (await page.request.get(`/api/v1/imports/${importId}`)).json()) as {
			created_at: string;
			completed_at: string;
			total_rows: number;
		};
		const tookMs = Date.parse(job.completed_at) - Date.parse(job.created_at);
		console.info(`import of ${job.total_rows} rows took ${tookMs} ms; progress seen: ${seen.join(", ")}`);
		expect(seen.at(-1)).toBe(100);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		if (tookMs >= SLOW_ENOUGH_MS) expect(seen.some((v) => v < 100)).toBe(true);
		expect(job.total_rows).toBe(GOOD_ROWS + csv.bad.length);

		// What happened: counts, then the error rows with their lines and reasons.
		expect(digits(await status.getByTestId("stat-created").locator("dd").textContent())).toBe(GOOD_ROWS);
		expect(digits(await status.getByTestId("stat-updated").locator("dd").textContent())).toBe(0);
		expect(digits(await status.getByTestId("stat-unchanged").locator("dd").textContent())).toBe(0);
		expect(digits(await status.getByTestId("stat-suppressed").locator("dd").textContent())).toBe(0);
		expect(digits(await status.getByTestId("stat-errors").locator("dd").textContent())).toBe(csv.bad.length);
		const errorTable = page.getByRole("table", { name: "Rows with errors" });
		expect(await errorTable.locator("tbody tr").count()).toBe(csv.bad.length);
		for (const bad of csv.bad) {
			const row = errorTable
				.locator("tbody tr")
				.filter({ has: page.getByRole("cell", { name: String(bad.line), exact: true }) });
			await row.waitFor();
			const text = (await row.textContent()) ?? "";
			expect(text).toContain(bad.email);
			expect(text).toMatch(bad.reason);
		}
		await screenshot(page, "43-import-summary");

		// The error report downloads as CSV with the same lines.
		const report = await downloadText(
			page,
			page.getByRole("link", { name: "Download error report (CSV)" }),
			"errors.csv",
		);
		// line, email and reason, then the file's own columns (each bad row's original cells).
		expect(report.split(/\r?\n/)[0]?.startsWith('line,email,reason,"email"')).toBe(true);
		for (const bad of csv.bad) expect(report).toContain(`"${bad.line}","${bad.email}"`);

		// The finished import is listed under recent imports.
		await page
			.getByRole("table", { name: "Recent imports" })
			.locator("tbody tr")
			.filter({ hasText: path.basename(csv.file) })
			.filter({ hasText: "completed" })
			.waitFor();

		// Find an imported contact by search and open it.
		await page.getByRole("link", { name: "Contacts", exact: true }).first().click();
		await page.waitForURL("**/contacts");
		const table = page.getByRole("table", { name: "Contacts" });
		await table.waitFor();
		expect(await table.locator("tbody tr").count()).toBe(50);
		await page.getByRole("button", { name: "Load more" }).waitFor();
		const wanted = csv.email(4243);
		await page.getByLabel("Search").fill(`c4243.${id}`);
		await page.waitForURL(/q=c4243/);
		await table.locator("tbody tr").filter({ hasText: wanted }).waitFor();
		expect(await table.locator("tbody tr").count()).toBe(1);
		await screenshot(page, "44-contacts-search");
		// Export CSV takes the list's filters: the one contact found, with its attributes.
		const exported = await downloadText(page, page.getByTestId("contacts-csv"), "contacts.csv");
		const exportedLines = exported.trim().split("\r\n");
		expect(exportedLines).toHaveLength(2);
		expect(exportedLines[0]).toMatch(/^"email","first_name","last_name","tags","status","timezone","locale",.*"city"/);
		expect(exportedLines[1]).toContain(`"${wanted}","First4243"`);
		await page.getByRole("link", { name: wanted }).click();
		await page.getByRole("heading", { name: wanted }).waitFor();
		const attributes = page.getByRole("table", { name: "Attributes" });
		await attributes.locator("tbody tr").filter({ hasText: "city" }).filter({ hasText: "Paris" }).waitFor();
		await page.getByText("First4243").first().waitFor();
		await screenshot(page, "45-contact");

		// A segment of the Berlin rows, counted live while the rule is typed.
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
		await page.getByRole("heading", { name: "No segments yet" }).waitFor();
		await screenshot(page, "46-segments-empty");
		await page.getByRole("link", { name: "Build your first segment" }).click();
		await page.waitForURL("**/segments/new");
		const count = page.getByTestId("segment-count");
		await page.getByLabel("Name", { exact: true }).fill("Berlin");
		await page.getByLabel("Attribute", { exact: true }).fill("city");
		// "greater than Berlin" is refused by the API, and the error is shown on the rule's value.
		await page.getByLabel("Operator", { exact: true }).selectOption("gt");
		await page.getByLabel("Value", { exact: true }).fill("Berlin");
		await page.locator(".rule-row .rule-issues").filter({ hasText: "needs a number" }).waitFor();
		expect(await page.getByLabel("Value", { exact: true }).getAttribute("aria-invalid")).toBe("true");
		await screenshot(page, "47-segment-rule-error");
		await page.getByLabel("Operator", { exact: true }).selectOption("eq");
		await page.waitForFunction(
			(expected) =>
				Number(document.querySelector('[data-testid="segment-count"]')?.textContent?.replace(/\D/g, "")) === expected,
			csv.berlin,
		);
		expect(digits(await count.textContent())).toBe(csv.berlin);
		expect(await page.locator(".rule-row .rule-issues").count()).toBe(0);
		await page.locator(".sample-list li").first().waitFor();
		await screenshot(page, "48-segment-builder");

		await page.getByRole("button", { name: "JSON" }).click();
		const json = JSON.parse(await page.getByLabel("Definition (JSON)").inputValue()) as unknown;
		expect(json).toEqual({ all: [{ attribute: "city", op: "eq", value: "Berlin" }] });

		await page.getByRole("button", { name: "Save segment" }).click();
		await page.waitForURL(/\/segments\/seg_/);
		await page.getByRole("heading", { name: "Berlin" }).waitFor();
		await page.getByTestId("history-panel").getByText("segment created").waitFor();
		const members = await downloadText(page, page.getByTestId("segment-csv"), "segment.csv");
		expect(members.trim().split("\r\n").length - 1).toBe(Number(csv.berlin));
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
		const segmentRow = page.getByRole("table", { name: "Segments" }).locator("tbody tr").filter({ hasText: "Berlin" });
		await segmentRow.waitFor();
		expect(digits(await segmentRow.locator("td").nth(1).textContent())).toBe(csv.berlin);
		await screenshot(page, "49-segments-list");
	});

	it("adds a contact with field errors, edits it and erases it with a typed confirmation", async () => {
		const id = unique();
		await signUp(id);
		await page.goto("/contacts");
		await page.getByRole("heading", { name: "No contacts yet" }).waitFor();
		await page.getByRole("button", { name: "Add contact" }).first().click();
		const dialog = page.getByRole("dialog", { name: "Add contact" });
		await dialog.getByLabel("Email").fill("not-an-address");
		await dialog.getByRole("button", { name: "Add contact" }).click();
		await dialog
			.locator(".field")
			.filter({ has: page.getByLabel("Email") })
			.locator("[data-field-error]")
			.waitFor();
		await screenshot(page, "50-contact-add-error");

		const email = `grace-${id}@example.com`;
		await dialog.getByLabel("Email").fill(email);
		await dialog.getByLabel("First name").fill("Grace");
		await dialog.getByLabel("Last name").fill("Hopper");
		await dialog.getByLabel("Tags").fill("vip, navy");
		await dialog.getByRole("button", { name: "Add contact" }).click();
		await page.getByRole("heading", { name: email }).waitFor();
		await page.getByText("vip", { exact: true }).waitFor();
		await page.getByText("navy", { exact: true }).waitFor();

		await page.getByRole("button", { name: "Edit" }).click();
		const edit = page.getByRole("dialog", { name: "Edit contact" });
		await edit.getByLabel("First name").fill("Admiral");
		await edit.getByLabel("Status").selectOption("unsubscribed");
		await edit.getByRole("button", { name: "Save changes" }).click();
		await edit.waitFor({ state: "detached" });
		await page.getByText("Admiral").first().waitFor();
		await page.locator(".timeline li").filter({ hasText: "unsubscribed" }).waitFor();
		await screenshot(page, "51-contact-edited");

		await page.getByRole("button", { name: "Erase contact" }).click();
		const erase = page.getByRole("dialog", { name: "Erase this contact?" });
		await erase.getByText("suppression list").waitFor();
		const confirm = erase.getByRole("button", { name: "Erase permanently" });
		expect(await confirm.isDisabled()).toBe(true);
		await erase.getByLabel("Type the email address to confirm").fill(email);
		await screenshot(page, "52-contact-erase");
		await confirm.click();
		await page.waitForURL("**/contacts");
		await page.getByRole("heading", { name: "No contacts yet" }).waitFor();

		// A file the API refuses as a whole (no email column) is explained next to the file field.
		const noEmail = path.join(workDir, `no-email-${id}.csv`);
		writeFileSync(noEmail, "name,city\nAda,London\n", "utf8");
		await page.getByRole("link", { name: "Import CSV" }).first().click();
		await page.getByLabel("CSV file").setInputFiles(noEmail);
		await page.getByRole("button", { name: "Start import" }).click();
		const fileField = page.locator(".field").filter({ has: page.getByLabel("CSV file") });
		await fileField.locator("[data-field-error]").filter({ hasText: "No email column" }).waitFor();
		expect(await page.getByLabel("CSV file").getAttribute("aria-invalid")).toBe("true");
		expect(await page.getByRole("progressbar").count()).toBe(0);
		await screenshot(page, "53-import-refused");
	});
});
