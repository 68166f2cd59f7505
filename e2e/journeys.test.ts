import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { screenshot } from "./browser";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const browser = useBrowserPage("99-journeys-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

async function signUp(id: string) {
	await page.goto("/signup");
	await page.getByLabel("Your name").fill("Jo Urney");
	await page.getByLabel("Work email").fill(`jo-${id}@example.com`);
	await page.getByLabel("Password").fill("correct-horse-1");
	await page.getByLabel("Workspace name").fill(`Journeys ${id}`);
	await page.getByRole("button", { name: "Create account", exact: true }).click();
	await page.waitForURL(`${baseUrl}/`);
}

/** API calls with the page's session cookie (a same-origin `Origin`, as the browser would send). */
async function apiCall<T>(method: "POST" | "PATCH", url: string, data: unknown): Promise<T> {
	const response = await page.request.fetch(url, { method, headers: { origin: baseUrl }, data });
	expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
	return (await response.json()) as T;
}

describe("journeys", () => {
	it("builds an abandoned-cart journey from its starter, shows a step's problem on the step, undoes it and activates", async () => {
		const id = unique();
		await signUp(id);
		await apiCall("POST", "/api/v1/templates", {
			name: `Cart reminder ${id}`,
			subject: "You left something in your cart",
			html: "<html><body><p>Still thinking it over?</p></body></html>",
		});

		// No journeys yet: the starters are offered, with the workspace's template picked for their emails.
		await page.getByRole("link", { name: "Journeys" }).click();
		await page.getByRole("heading", { name: "No journeys yet" }).waitFor();
		await expect.poll(() => page.getByLabel("Their emails send").inputValue()).not.toBe("");
		await page.getByTestId("starter-abandoned_cart").click();
		await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/journeys\/jny_[^/]+$/);
		await expect.poll(() => page.getByTestId("step-wait_purchase").textContent()).toContain("same cart_id");
		expect(await page.getByTestId("step-reminder").textContent()).toContain(`Cart reminder ${id}`);

		// A new email step without a template: the API's refusal is shown on that step.
		await page.getByRole("button", { name: "Add a step here" }).first().click();
		await page.getByRole("menuitem", { name: /Send email/ }).click();
		await page.getByTestId("step-panel").waitFor();
		await page.getByRole("button", { name: "Save draft" }).click();
		await page.getByTestId("step-email_1").getByTestId("step-issues").waitFor();
		await screenshot(page, "journeys-inline-error");

		// Undo takes the step back; the saved draft can be activated.
		await page.locator("body").click({ position: { x: 5, y: 5 } });
		await page.keyboard.press("Control+z");
		await expect.poll(() => page.getByTestId("step-email_1").count()).toBe(0);
		await page.getByRole("button", { name: "Activate…" }).click();
		await expect.poll(() => page.getByTestId("entering-now").textContent()).toContain("cart_abandoned");
		await page.getByRole("button", { name: "Activate", exact: true }).click();
		await expect.poll(() => page.getByTestId("journey-status").textContent()).toBe("active");
		await page.getByRole("button", { name: "Pause" }).waitFor();
		await screenshot(page, "journeys-live");
	});
});
