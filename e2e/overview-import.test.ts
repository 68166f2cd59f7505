import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const browser = useBrowserPage("79-overview-import-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

/** Waiting for the server under a busy CI machine: as long as any other wait. */
const POLL = { timeout: 15_000 };

/** Uploads a CSV through the API (as a script would) and waits for it to finish. */
async function importThroughApi(api: Awaited<ReturnType<typeof apiSession>>, csv: string) {
	const res = await fetch(`${baseUrl}/api/v1/contacts/import`, {
		method: "POST",
		headers: { cookie: api.cookie, origin: baseUrl, "content-type": "text/csv" },
		body: csv,
	});
	const { import_id } = (await res.json()) as { import_id: string };
	await expect
		.poll(async () => (await api.json<{ status: string }>("GET", `/api/v1/imports/${import_id}`)).status, POLL)
		.toBe("completed");
}

const noHorizontalOverflow = async () => {
	const wide = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		return Array.from(document.querySelectorAll("body *"))
			.filter((el) => el.getBoundingClientRect().right > width + 1)
			.slice(0, 8)
			.map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
	});
	if (wide.length > 0) console.info("wider than the page:", wide.join(" | "));
	return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
};

const stepDone = (key: string) => page.locator(`[data-step="${key}"]`).getAttribute("data-done");

describe("overview, segment builder and import", () => {
	it("shows the workspace at a glance with a checklist that ticks what is really done", async () => {
		const api = await apiSession(baseUrl, { id: unique(), name: "Otto Overview", ip: "198.51.100.71" });
		await browser.signIn(api.cookie);
		await page.goto("/");
		await page.getByTestId("checklist").waitFor();
		expect(await stepDone("contacts")).toBe("false");
		expect(await stepDone("team")).toBe("false");
		expect(await page.getByTestId("checklist-progress").textContent()).toBe("0 of 7 done");

		await importThroughApi(api, "email,first_name\nana@o.example,Ana\nben@o.example,Ben\n");
		await api.json("POST", "/api/v1/templates", { name: "Welcome", subject: "Hi", html: "<p>Hi</p>" });
		await api.json("POST", "/api/v1/api-keys", { name: "app", role: "editor" });
		await page.reload();
		await page.locator('[data-step="contacts"][data-done="true"]').waitFor();
		for (const key of ["template", "app"]) expect(await stepDone(key)).toBe("true");
		expect(await stepDone("campaign_sent")).toBe("false");
		expect(await page.locator('[data-stat="audience"] dd').textContent()).toBe("2");
		expect(await page.locator('[data-stat="growth"] dd').textContent()).toBe("+2");
		expect(await page.locator('[data-stat="open-rate"] dd').textContent()).toBe("—");
		await page.getByTestId("growth-chart").waitFor();
		await browser.shot("71-overview-checklist");
		await page.setViewportSize({ width: 375, height: 800 });
		expect(await noHorizontalOverflow()).toBe(true);
		await browser.shot("71b-overview-375");
	});

	it("builds a segment with pickers, no error before the first change, and says why a count is 0", async () => {
		const api = await apiSession(baseUrl, { id: unique(), name: "Sara Segments", ip: "198.51.100.72" });
		await importThroughApi(api, "email,country,tags\nana@s.example,Germany,beta\nben@s.example,France,\n");
		await api.json("POST", "/api/v1/events", {
			email: "ana@s.example",
			name: "purchase",
			properties: { total: 20 },
		});
		await browser.signIn(api.cookie);
		await page.goto("/segments/new");
		await page.getByTestId("count-hint").waitFor();
		expect(await page.locator(".rule-issues, [data-field-error]").count()).toBe(0);
		expect(await page.locator(".preview-panel .alert, .preview-panel [role=alert]").count()).toBe(0);
		await browser.shot("72-segment-builder-fresh");

		await page.getByLabel("Attribute", { exact: true }).fill("country");
		const values = page.locator('datalist[id^="values-"] option');
		await expect
			.poll(() => values.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).sort()), POLL)
			.toEqual(["France", "Germany"]);
		await page.getByLabel("Value", { exact: true }).fill("Germany");
		await expect.poll(() => page.getByTestId("segment-count").textContent(), POLL).toBe("1");
		expect(
			await page.locator("#segment-events option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
		).toEqual(["purchase"]);
		expect(
			await page.locator("#segment-tags option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
		).toEqual(["beta"]);

		// A second rule nobody matches together with the first: the count is 0 and the panel says which rule.
		await page.getByRole("button", { name: "+ Add rule" }).click();
		const second = page.locator(".rule-row").nth(1);
		await second.getByLabel("Rule type").selectOption("engagement");
		await second.getByLabel("Campaign").waitFor();
		expect(await second.getByLabel("Campaign").locator("option").first().textContent()).toBe("any campaign");
		await expect.poll(() => page.getByTestId("segment-count").textContent(), POLL).toBe("0");
		await page.getByTestId("count-empty").filter({ hasText: "One rule matches nobody" }).waitFor();
		await second.getByTestId("rule-alone").filter({ hasText: "matches nobody" }).waitFor();
		await browser.shot("73-segment-builder-empty-explained");
	});

	it("previews the column mapping at 375 px, imports with consent and tags, and shows it finished", async () => {
		const api = await apiSession(baseUrl, { id: unique(), name: "Ivy Import", ip: "198.51.100.73" });
		await browser.signIn(api.cookie);
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto("/contacts/import");
		await page.getByRole("heading", { name: "Import contacts" }).waitFor();
		expect(await noHorizontalOverflow()).toBe(true);

		const csv =
			"Courriel,Prénom,Internal notes,Plan with a rather long column header\nzoe@i.example,Zoé,call back,pro\nnot-an-email,Yann,,free\n";
		await page
			.locator("#csv-file")
			.setInputFiles({ name: "crm-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
		const mapping = page.getByTestId("column-mapping");
		await mapping.waitFor();
		expect(await page.getByLabel('Column "Courriel" becomes').inputValue()).toBe("attribute");
		await mapping.getByRole("alert").filter({ hasText: "email address" }).waitFor();
		await page.getByLabel('Column "Courriel" becomes').selectOption("email");
		await page.getByLabel('Column "Prénom" becomes').selectOption("first_name");
		await page.getByLabel('Column "Internal notes" becomes').selectOption("skip");
		expect(await mapping.getByRole("alert").count()).toBe(0);
		await page.getByLabel("These people agreed to receive email from us").check();
		await page.getByLabel("Tag everyone in this file").fill("crm; autumn");
		expect(await noHorizontalOverflow()).toBe(true);
		await browser.shot("74-import-mapping-375");

		await page.getByRole("button", { name: "Start import" }).click();
		await page.getByTestId("import-done").filter({ hasText: "1 new" }).waitFor();
		await page.getByRole("table", { name: "Recent imports" }).getByText("crm-export.csv").waitFor();
		expect(await noHorizontalOverflow()).toBe(true);
		await browser.shot("75-import-done-375");

		const importId = new URL(page.url()).searchParams.get("import") ?? "";
		const errors = await (await page.request.get(`/api/v1/imports/${importId}/errors.csv`)).text();
		expect(errors.split("\r\n")[1]).toContain('"not-an-email","Yann","","free"');
		const contacts = await api.json<{
			data: { email: string; first_name: string; tags: string[]; attributes: object }[];
		}>("GET", "/api/v1/contacts?q=zoe");
		expect(contacts.data[0]).toMatchObject({ email: "zoe@i.example", first_name: "Zoé" });
		expect([...(contacts.data[0]?.tags ?? [])].sort()).toEqual(["autumn", "crm"]);
		expect(Object.keys(contacts.data[0]?.attributes ?? {})).toEqual(["plan_with_a_rather_long_column_header"]);
	});

	it("puts an 'Ask the assistant' prompt in the box even when a conversation is open", async () => {
		const api = await apiSession(baseUrl, { id: unique(), name: "Abe Assistant", ip: "198.51.100.74" });
		const conversation = await api.json<{ id: string }>("POST", "/api/v1/assistant/conversations", {});
		await browser.signIn(api.cookie);
		await page.goto(`/assistant/${conversation.id}`);
		const box = page.getByLabel("Message the assistant");
		await box.waitFor();
		expect(await box.inputValue()).toBe("");
		await page.evaluate(() => {
			window.history.pushState(null, "", `/assistant?prompt=${encodeURIComponent("Summarize my last campaign")}`);
			window.dispatchEvent(new PopStateEvent("popstate"));
		});
		await expect.poll(() => box.inputValue(), POLL).toBe("Summarize my last campaign");
	});
});
