import { describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const CONTACTS = 40;

const browser = useBrowserPage("99-ab-test-failure");

describe("A/B tests", () => {
	it("creates an A/B campaign in the form, sends it, sees each arm's results and picks the winner", async () => {
		const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
		const api = await apiSession(baseUrl, { id, name: "Abby Test", ip: "198.51.100.61" });
		await api.json("PATCH", "/api/v1/workspace", {
			postal_address: "1 Split Road, Oslo",
			default_from_email: `ab-${id}@example.com`,
			default_from_name: "Split Co",
		});
		const rows = Array.from({ length: CONTACTS }, (_, i) => `ab${i}.${id}@example.com`);
		const form = new FormData();
		form.set("file", new Blob([`email\n${rows.join("\n")}\n`], { type: "text/csv" }), "ab.csv");
		const imported = await fetch(`${baseUrl}/api/v1/contacts/import`, {
			method: "POST",
			headers: { cookie: api.cookie, origin: baseUrl },
			body: form,
		});
		const { import_id } = (await imported.json()) as { import_id: string };
		await expect
			.poll(async () => (await api.json<{ status: string }>("GET", `/api/v1/imports/${import_id}`)).status)
			.toBe("completed");
		const template = await api.json<{ id: string }>("POST", "/api/v1/templates", {
			name: `Base ${id}`,
			subject: "Base subject",
			html: "<p>Hello</p>",
		});

		await browser.signIn(api.cookie);
		const page = browser.page();
		await page.goto("/campaigns/new");
		await page.getByLabel("Campaign name").fill(`Split ${id}`);
		await page.getByLabel("Template", { exact: true }).selectOption(template.id);
		await page.getByLabel(/Test variants first/).check();
		const variantA = page.getByRole("group", { name: "Variant A" });
		const variantB = page.getByRole("group", { name: "Variant B" });
		await variantA.getByLabel("Subject").fill("Subject A");
		await variantB.getByLabel("Subject").fill('Subject {{ "b" | upcase }}');
		await variantB.getByLabel("From name").fill("Bee");
		// B's preview: its own subject rendered with Liquid, over the template's body in the sandboxed frame.
		await variantB.getByRole("button", { name: "Preview variant B" }).click();
		const previewB = variantB.getByTestId("variant-preview");
		await previewB
			.getByTestId("variant-rendered-subject")
			.filter({ hasText: /^Subject B$/ })
			.waitFor();
		expect(await previewB.getByTestId("email-preview-frame").getAttribute("srcdoc")).toContain("Hello");
		expect(await variantA.getByTestId("variant-preview").count()).toBe(0);
		await page.getByLabel("Test group (% of the audience)").fill("50");
		await page.getByLabel("Test duration").selectOption("PT1H");
		await page.getByLabel(/Send the winner automatically/).uncheck();
		await browser.shot("95-ab-form");

		await page.getByRole("button", { name: "Review and send…" }).click();
		const dialog = page.getByRole("dialog", { name: `Send to ${CONTACTS} contacts now?` });
		await dialog.getByRole("button", { name: "Send now" }).click();
		await page.waitForURL(/\/campaigns\/cmp_[^/]+$/);
		const campaignId = new URL(page.url()).pathname.split("/").pop() ?? "";

		// Each arm's sends, rate, interval and p-value, refreshed as the live numbers move.
		const results = page.getByTestId("ab-results");
		await results.waitFor({ timeout: 20_000 });
		const arms = results.getByRole("table", { name: "A/B arms" }).locator("tbody tr");
		await expect.poll(async () => arms.count()).toBe(2);
		const sentOf = async (i: number) => Number((await arms.nth(i).locator('[data-col="sent"]').textContent()) ?? 0);
		await expect.poll(async () => (await sentOf(0)) + (await sentOf(1)), { timeout: 20_000 }).toBeGreaterThan(5);
		expect(await arms.nth(0).locator('[data-col="p"]').textContent()).toBe("control");
		await results.getByText(/Collecting results/).waitFor();
		// Each arm's rate over time, its interval as a band around the line.
		await results.getByTestId("ab-chart").waitFor({ timeout: 20_000 });
		expect(await results.getByTestId("ab-chart").locator("[data-arm] polygon").count()).toBe(2);
		await browser.shot("96-ab-results");

		// An editor picks B: everyone not in the test receives it, and nobody gets two variants.
		await results.getByRole("button", { name: "Pick B" }).click();
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^completed$/ })
			.waitFor({ timeout: 30_000 });
		await results.getByTestId("ab-reason").filter({ hasText: "B picked by a person" }).waitFor();
		const ab = await api.json<{ phase: string; winner: { variant_id: string } }>(
			"GET",
			`/api/v1/campaigns/${campaignId}/ab`,
		);
		expect(ab.phase).toBe("done");
		const outbox = await api.json<{ data: { subject: string }[] }>(
			"GET",
			`/api/v1/outbox?campaign_id=${campaignId}&limit=100`,
		);
		expect(outbox.data.length).toBe(CONTACTS);
		expect(outbox.data.filter((m) => m.subject === "Subject B").length).toBeGreaterThan(CONTACTS / 2 - 1);
		await browser.shot("97-ab-winner-sent");
	});
});
