import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const ARTIFACTS = path.resolve(import.meta.dirname, "..", ".e2e-artifacts", "screenshots");

/**
 * Debian's Chromium, headless. `chromium.launch` gives every browser a new, empty
 * temporary profile (user-data-dir) and deletes it on close.
 */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
		headless: true,
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
	});
}

/** Saves a full-page screenshot as `.e2e-artifacts/screenshots/<name>.png` (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(ARTIFACTS, { recursive: true });
	const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9_-]+/gi, "-")}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}
