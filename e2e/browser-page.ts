import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { launchBrowser, screenshot } from "./browser";

/**
 * One Chromium for the file and a fresh context and page for each test; a failing test leaves a
 * screenshot named `failureShot`. Call at the top of a test file.
 */
export function useBrowserPage(failureShot: string) {
	const baseUrl = inject("baseUrl");
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page | undefined;

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		if (!browser) throw new Error("no browser");
		context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
		page = await context.newPage();
		page.setDefaultTimeout(15_000);
	});
	afterEach(async (test) => {
		if (test.task.result?.state === "fail" && page) await screenshot(page, failureShot).catch(() => undefined);
		await context?.close();
	});

	return {
		page: () => {
			if (!page) throw new Error("no page yet");
			return page;
		},
		/** Signs the browser in with a session cookie obtained through the API. */
		signIn: async (cookie: string) => {
			const [name, value] = cookie.split("=");
			await context?.addCookies([{ name: name ?? "", value: value ?? "", url: baseUrl }]);
		},
		/** A full-page screenshot from the top. */
		shot: async (name: string) => {
			if (!page) return;
			await page.evaluate(() => window.scrollTo(0, 0));
			await screenshot(page, name);
		},
	};
}
