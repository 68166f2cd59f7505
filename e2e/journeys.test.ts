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
	it("builds an abandoned-cart journey from its starter, fixes a step by undo, activates it, and watches a shopper move through it", async () => {
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
		await expect.poll(() => page.getByTestId("journey-status").textContent(), { timeout: 15_000 }).toBe("active");
		await page.getByRole("button", { name: "Pause" }).waitFor();

		// The cart is abandoned (events API): the contact waits for the purchase, then buys that cart and moves on.
		const email = `shopper-${id}@example.com`;
		const contact = await apiCall<{ id: string }>("POST", "/api/v1/contacts", { email, first_name: "Sam" });
		const event = (name: string) =>
			apiCall("POST", "/api/v1/events", { email, name, properties: { cart_id: `cart-${id}` } });
		await event("cart_abandoned");
		const count = (step: string, what: "waiting" | "passed") =>
			page.getByTestId(`counts-${step}`).getByTestId(what).textContent();
		await expect.poll(() => count("wait_purchase", "waiting"), { timeout: 15_000 }).toBe("1");
		// Pushed over the journey's socket, not polled.
		expect(await page.getByTestId("live-indicator").getAttribute("data-state")).toBe("live");
		await screenshot(page, "journeys-live");
		await event("purchase");
		await expect.poll(() => count("wait_purchase", "passed"), { timeout: 15_000 }).toBe("1");
		expect(await count("wait_purchase", "waiting")).toBe("0");
		await expect.poll(() => page.locator('[data-stat="completed"] dd').textContent()).toBe("1");

		// The contact page lists the journey with the path taken.
		await page.goto(`/contacts/${contact.id}`);
		await expect.poll(() => page.getByTestId("contact-journeys").textContent()).toContain("Abandoned cart");
		// Each step in words, as the builder says it, not by its id.
		await expect
			.poll(() => page.getByTestId("contact-journeys").textContent())
			.toContain("Wait up to 4 hours for purchase with the same cart_id (the event came)");
	});
});
