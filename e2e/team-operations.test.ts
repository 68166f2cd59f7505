import { describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const browser = useBrowserPage("99-team-operations-failure");

describe("team operations in the dashboard", () => {
	it("finds a campaign by search, bulk-archives with each item's result, clones one and reads it all in the audit log", async () => {
		const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
		const api = await apiSession(baseUrl, { id, name: "Opal Ops", ip: "198.51.100.71" });
		await api.json("PATCH", "/api/v1/workspace", {
			postal_address: "3 Ledger Lane, Leeds",
			default_from_email: `ops-${id}@example.com`,
			default_from_name: "Ops Co",
		});
		const template = await api.json<{ id: string }>("POST", "/api/v1/templates", {
			name: `Ops base ${id}`,
			subject: "Hello",
			html: "<p>Hello {{ unsubscribe_url }}</p>",
		});
		const draft = (name: string) =>
			api.json<{ id: string }>("POST", "/api/v1/campaigns", { name, template_id: template.id });
		const first = await draft(`Harvest ${id} one`);
		await draft(`Harvest ${id} two`);
		// A scheduled campaign cannot be archived: its row reports why, and the others still go through.
		await api.json("POST", "/api/v1/campaigns", {
			name: `Harvest ${id} later`,
			template_id: template.id,
			schedule: { send_at: new Date(Date.now() + 7 * 86_400_000).toISOString() },
		});

		await browser.signIn(api.cookie);
		const page = browser.page();
		await page.goto("/");
		await page.getByLabel("Find anything").fill(`Harvest ${id}`);
		await page.getByLabel("Find anything").press("Enter");
		await page.waitForURL(/\/search\?q=/);
		const hits = page.getByTestId("search-hit");
		await expect.poll(async () => hits.count()).toBe(3);
		await expect.poll(async () => page.getByTestId("facet-campaign").textContent()).toContain("3");
		await page.getByLabel("Status").selectOption("scheduled");
		await expect.poll(async () => hits.count()).toBe(1);
		expect(await hits.first().textContent()).toContain(`Harvest ${id} later`);
		await browser.shot("120-search");

		await page.goto("/campaigns");
		for (const suffix of ["one", "two", "later"]) await page.getByLabel(`Select Harvest ${id} ${suffix}`).check();
		const bar = page.getByTestId("bulk-bar");
		await bar.getByText("3 campaigns selected").waitFor();
		await bar.getByRole("button", { name: "Archive" }).click();
		const results = page.getByTestId("bulk-results");
		await results.getByText("2 archived, 1 failed").waitFor();
		const failed = results.locator('[data-ok="false"]');
		expect(await failed.count()).toBe(1);
		expect(await failed.textContent()).toMatch(new RegExp(`Harvest ${id} later.*cannot be archived`));
		expect(await results.locator('[data-ok="true"]').count()).toBe(2);
		// The failed item stays selected (to retry or look at); the archived ones leave the selection.
		await bar.getByText("1 campaign selected").waitFor();
		await browser.shot("121-bulk-results");
		// Archived campaigns leave the list; the status filter (kept in the URL) shows them.
		await page.getByLabel("Status").selectOption("archived");
		await page.waitForURL(/\/campaigns\?status=archived/);
		const rows = page.getByRole("table", { name: "Campaigns" }).locator("tbody tr");
		await expect.poll(async () => rows.count()).toBe(2);

		await page.goto(`/campaigns/${first.id}`);
		await page.getByTestId("history-panel").getByText("campaign archived").waitFor();
		await page.getByRole("button", { name: "Clone…" }).click();
		const dialog = page.getByRole("dialog", { name: "Clone campaign" });
		await dialog.getByLabel("Name of the copy").fill(`Harvest ${id} again`);
		await dialog.getByRole("button", { name: "Create draft" }).click();
		await page.getByRole("heading", { name: `Harvest ${id} again` }).waitFor();
		expect(new URL(page.url()).pathname).not.toBe(`/campaigns/${first.id}`);

		await page.goto("/audit?action=campaign.");
		const log = page.getByRole("table", { name: "Audit log" });
		await log.getByText("campaign cloned").waitFor();
		expect(await log.getByText("campaign archived").count()).toBe(2);
		// The object is named, and links to its page.
		await log
			.getByRole("link", { name: `campaign “Harvest ${id} again”` })
			.first()
			.waitFor();
		await page.goto("/audit?action=bulk.refused");
		await log.getByText("bulk refused").waitFor();
		expect(await log.locator("tbody tr").first().textContent()).toContain("Opal Ops");
		expect(await page.getByTestId("audit-csv").getAttribute("href")).toBe(
			"/api/v1/audit-log?action=bulk.refused&format=csv",
		);
		await browser.shot("122-audit");

		await page.goto("/settings/health");
		await page.getByTestId("health-stats").waitFor();
		expect(await page.locator('[data-stat="dead_letters"] dd').textContent()).toBe("0");
		await page.getByLabel("Rule name").fill("Any dead letter");
		await page.getByLabel("Reaches").fill("1");
		await page.getByRole("button", { name: "Add rule" }).click();
		await page.getByTestId("alert-rule").getByText("Dead letters (24 h) ≥ 1").waitFor();
		await browser.shot("123-health");

		// "Select all matching": 55 contacts tagged "wave" fill more than the first page of 50; all of them get tagged.
		const emails = Array.from({ length: 55 }, (_, i) => `wave${i}-${id}@example.com`);
		for (let i = 0; i < emails.length; i += 11)
			await Promise.all(
				emails.slice(i, i + 11).map((email) => api.json("POST", "/api/v1/contacts", { email, tags: ["wave"] })),
			);
		await api.json("POST", "/api/v1/contacts", { email: `dry-${id}@example.com` });
		await page.goto("/contacts?tag=wave");
		const contacts = page.getByRole("table", { name: "Contacts" });
		await expect.poll(async () => contacts.locator("tbody tr").count()).toBe(50);
		await contacts.getByLabel("Select all on this page").check();
		await bar.getByText("50 contacts selected").waitFor();
		await bar.getByTestId("bulk-select-all").getByText("All 50 contacts on this page are selected.").waitFor();
		await bar.getByRole("button", { name: "Select all 55 contacts matching" }).click();
		await bar.getByText("All 55 contacts matching these filters are selected.").waitFor();
		await bar.getByText("55 contacts selected").waitFor();
		await browser.shot("124-select-all-matching");
		await bar.getByRole("button", { name: "Tag…", exact: true }).click();
		await bar.getByLabel("Tags, separated by commas").fill("surfed");
		await bar.getByRole("button", { name: "Apply to 55" }).click();
		await results.getByText("55 tagged").waitFor();
		expect(await results.locator('[data-ok="true"]').count()).toBe(55);
		const surfed = await api.json<{ data: { email: string }[] }>("GET", "/api/v1/contacts?tag=surfed&limit=100");
		expect(surfed.data.map((c) => c.email).sort()).toEqual([...emails].sort());

		// Two of them onto a new static list, which the Lists page shows and the Contacts page filters by.
		await contacts.getByLabel(`Select ${emails[54]}`).check();
		await contacts.getByLabel(`Select ${emails[53]}`).check();
		await bar.getByRole("button", { name: "Add to list…" }).click();
		await bar.getByLabel("New list name").fill("Wave riders");
		await bar.getByRole("button", { name: "Apply to 2" }).click();
		await results.getByText("2 added to the list").waitFor();
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lists" }).click();
		const lists = page.getByRole("table", { name: "Lists" });
		await lists.locator("tbody tr").filter({ hasText: "Wave riders" }).filter({ hasText: "2" }).waitFor();
		await browser.shot("125-lists");
		// Found by part of its name in any case (kept in the URL), then renamed in place; a taken name is refused on the field.
		await api.json("POST", "/api/v1/lists", { name: "Dry land" });
		await page.getByLabel("Search").fill("RIDERS");
		await page.waitForURL(/\/lists\?q=RIDERS/);
		await expect.poll(async () => lists.locator("tbody tr").count()).toBe(1);
		await lists.getByRole("button", { name: "Rename Wave riders" }).click();
		const rename = lists.getByRole("form", { name: "Rename Wave riders" });
		await rename.getByLabel("Name").fill("Dry land");
		await rename.getByRole("button", { name: "Save" }).click();
		await rename.getByText("Another list already has this name").waitFor();
		await browser.shot("126-list-rename-refused");
		await rename.getByLabel("Name").fill("Wave riders 2026");
		await rename.getByRole("button", { name: "Save" }).click();
		await lists.getByRole("link", { name: "Wave riders 2026" }).waitFor();
		await browser.shot("127-list-renamed");
		await lists.getByRole("link", { name: "Wave riders 2026" }).click();
		await expect.poll(async () => contacts.locator("tbody tr").count()).toBe(2);
		expect((await contacts.locator("tbody tr").allTextContents()).join(" ")).toContain(emails[54]);
		await contacts.getByRole("link", { name: emails[54] }).click();
		await page.getByTestId("contact-lists").getByRole("link", { name: "Wave riders 2026" }).waitFor();
	});
});
