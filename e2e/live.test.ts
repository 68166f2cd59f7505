import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** Digits only, so "1,234" and "1.234" read the same whatever the browser's locale. */
const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

const CONTACTS = 3;
const LINK = "https://example.com/live-offer";
/** Clicks within 10 s of sending count as link scanners (worker/domain/tracking/classify.ts); people come later. */
const BOT_WINDOW_MS = 10_000;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
	page = await context.newPage();
	page.setDefaultTimeout(15_000);
	// Every WebSocket the page opens is kept on `window`, so the test can drop the connection.
	await page.addInitScript(() => {
		const Native = window.WebSocket;
		const sockets: WebSocket[] = [];
		(window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
		window.WebSocket = class extends Native {
			constructor(url: string | URL, protocols?: string | string[]) {
				super(url, protocols);
				sockets.push(this);
			}
		};
	});
});
afterEach(async (test) => {
	if (test.task.result?.state === "fail" && page) await screenshot(page, "109-live-failure").catch(() => undefined);
	await context?.close();
});

/**
 * Signs up through the API (the session cookie lands in the browser context). Signups are limited to 10 an hour
 * per client IP and the other browser tests use those of 127.0.0.1, so these come from a documentation address
 * of their own (`cf-connecting-ip`, which Cloudflare sets in production and the local server passes through).
 */
async function signUp(id: string) {
	const response = await page.request.post("/api/v1/auth/signup", {
		headers: { origin: baseUrl, "cf-connecting-ip": "198.51.100.23" },
		data: {
			name: "Liv Watcher",
			email: `live-${id}@example.com`,
			password: "correct-horse-1",
			workspace_name: `Live ${id}`,
		},
	});
	expect(response.status(), await response.text()).toBe(201);
	await page.goto("/");
	await page.getByRole("heading", { name: "Welcome, Liv" }).waitFor();
}

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

async function apiGet<T>(url: string): Promise<T> {
	const response = await page.request.get(url);
	expect(response.status(), `GET ${url}: ${await response.text()}`).toBe(200);
	return (await response.json()) as T;
}

/** The path of the first tracking URL of a kind ("o" pixel, "c" click) in a captured email's HTML. */
function trackingPath(html: string, kind: "o" | "c"): string {
	const match = html.match(new RegExp(`/t/${kind}/[A-Za-z0-9._~-]+`));
	expect(match, `a /t/${kind}/ URL in the captured HTML`).not.toBeNull();
	return match?.[0] ?? "";
}

const PERSON = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.0";
/** Apple Mail Privacy Protection's prefetch sends this bare agent: always a machine open. */
const PREFETCH = "Mozilla/5.0";

/** A hit from outside the browser, as a mail client (or its privacy proxy) would make it. */
async function hit(path: string, userAgent = PERSON): Promise<number> {
	const response = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: { "user-agent": userAgent } });
	await response.arrayBuffer();
	return response.status;
}

describe("live campaign numbers", () => {
	it("shows opens, clicks, the funnel, the chart and the links as they happen, without a reload, across a dropped socket", async () => {
		const id = unique();
		await signUp(id);
		await apiCall("PATCH", "/api/v1/workspace", {
			default_from_name: "Live News",
			default_from_email: `news-${id}@example.com`,
			postal_address: "3 Test Street, Berlin",
		});
		for (let i = 0; i < CONTACTS; i++)
			await apiCall("POST", "/api/v1/contacts", { email: `reader${i}-${id}@example.com`, first_name: `Reader${i}` });
		const template = await apiCall<{ id: string }>("POST", "/api/v1/templates", {
			name: `Live ${id}`,
			subject: "Live numbers, {{ contact.first_name }}",
			html: `<html><body><h1>Live</h1><p>Hi {{ contact.first_name }}, <a href="${LINK}">see the offer</a>.</p></body></html>`,
		});
		const campaign = await apiCall<{ id: string }>("POST", "/api/v1/campaigns", {
			name: `Live send ${id}`,
			template_id: template.id,
		});

		// The campaign page, marked so a reload would show.
		await page.goto(`/campaigns/${campaign.id}`);
		await page.getByRole("heading", { name: `Live send ${id}` }).waitFor();
		await page.evaluate(() => {
			(window as unknown as { __liveMarker: string }).__liveMarker = "still here";
		});
		const sameDocument = async () => ({
			marker: await page.evaluate(() => (window as unknown as { __liveMarker?: string }).__liveMarker),
			navigations: await page.evaluate(() => performance.getEntriesByType("navigation").length),
		});

		// Send from the page; progress and completion arrive over the socket.
		await page.getByRole("button", { name: "Send now…", exact: true }).click();
		const dialog = page.getByRole("dialog", { name: `Send to ${CONTACTS} contacts now?` });
		await dialog.getByRole("button", { name: "Send now" }).click();
		await dialog.waitFor({ state: "detached" });
		const indicator = page.getByTestId("live-indicator");
		await expect.poll(async () => indicator.getAttribute("data-state")).toBe("live");
		await page
			.getByTestId("campaign-status")
			.filter({ hasText: /^completed$/ })
			.waitFor({ timeout: 45_000 });
		const stat = (name: string) => page.locator(`[data-stat="${name}"] dd`);
		await expect.poll(async () => digits(await stat("sent").textContent())).toBe(CONTACTS);
		expect(digits(await stat("opens").textContent())).toBe(0);
		expect(digits(await stat("clicks").textContent())).toBe(0);
		await page.getByTestId("timeline-empty").waitFor();
		await page.getByTestId("links-empty").waitFor();
		expect(await page.getByTestId("funnel-sent").textContent()).toBe(String(CONTACTS));
		await shot("100-live-campaign-completed");

		// Captured messages' pixels and link, hit from outside the page.
		const outbox = await apiGet<{ data: { id: string; html: string }[] }>(
			`/api/v1/outbox?campaign_id=${encodeURIComponent(campaign.id)}`,
		);
		expect(outbox.data.length).toBe(CONTACTS);
		// Hits of one pixel within a minute are one open (clients load images twice): two recipients, two messages.
		const prefetched = trackingPath(outbox.data[0]?.html ?? "", "o");
		const pixel = trackingPath(outbox.data[1]?.html ?? "", "o");
		const click = trackingPath(outbox.data[1]?.html ?? "", "c");
		const messages = await apiGet<{ data: { sent_at: string | null }[] }>(`/api/v1/campaigns/${campaign.id}/messages`);
		const lastSent = Math.max(...messages.data.map((m) => new Date(m.sent_at ?? 0).getTime()));

		// A privacy prefetch: the opens counter moves on the page, no reload, but only as a machine open.
		expect(await hit(prefetched, PREFETCH)).toBe(200);
		await expect.poll(async () => digits(await stat("opens").textContent()), { timeout: 15_000 }).toBe(1);
		await expect.poll(async () => digits(await page.getByTestId("machine-opens").textContent())).toBe(1);
		expect(digits(await stat("unique opens").textContent())).toBe(0);
		await page.getByTestId("timeline-empty").waitFor();

		// The connection drops: the page reconnects, gets a fresh snapshot and keeps counting.
		const socketsBefore = await page.evaluate(() => (window as unknown as { __sockets: WebSocket[] }).__sockets.length);
		await page.evaluate(() => {
			for (const socket of (window as unknown as { __sockets: WebSocket[] }).__sockets) socket.close();
		});
		await expect
			.poll(async () => page.evaluate(() => (window as unknown as { __sockets: WebSocket[] }).__sockets.length))
			.toBeGreaterThan(socketsBefore);
		await expect.poll(async () => indicator.getAttribute("data-state")).toBe("live");

		// Past the scanner window, a person opens and clicks: unique counts, the chart, the links table.
		const wait = lastSent + BOT_WINDOW_MS + 500 - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		expect(await hit(pixel)).toBe(200);
		expect(await hit(click)).toBe(302);
		await expect.poll(async () => digits(await stat("opens").textContent()), { timeout: 15_000 }).toBe(2);
		await expect.poll(async () => digits(await stat("clicks").textContent()), { timeout: 15_000 }).toBe(1);
		await expect.poll(async () => digits(await stat("unique clicks").textContent())).toBe(1);
		await expect.poll(async () => digits(await stat("unique opens").textContent())).toBe(1);
		expect(await page.getByTestId("funnel-opened").textContent()).toBe("1");
		expect(await page.getByTestId("funnel-clicked").textContent()).toBe("1");

		const chart = page.getByTestId("timeline-chart");
		await expect.poll(async () => chart.getAttribute("data-clicks")).toBe("1");
		expect(await chart.getAttribute("data-opens")).toBe("1");
		expect(await chart.getByRole("img").getAttribute("aria-label")).toMatch(
			/1 open and 1 click over \d+ (minutes?|hours?)/,
		);
		expect(await chart.locator("rect[data-kind='opens']").count()).toBeGreaterThanOrEqual(1);

		const links = page.getByRole("table", { name: "Links" });
		const row = links.locator("tbody tr").filter({ hasText: LINK });
		await row.waitFor();
		expect(digits(await row.locator("[data-col='clicks']").textContent())).toBe(1);
		expect(digits(await row.locator("[data-col='unique']").textContent())).toBe(1);

		expect(await sameDocument()).toEqual({ marker: "still here", navigations: 1 });
		await page.getByRole("region", { name: "Engagement" }).scrollIntoViewIfNeeded();
		await screenshot(page, "101-live-engagement");
		await shot("102-live-campaign-page");
	}, 120_000);

	it("lists every sending campaign on the overview and follows it live to completion", async () => {
		const id = unique();
		const audience = 8;
		await signUp(id);
		// One message a second, so the send lasts long enough to watch.
		await apiCall("PATCH", "/api/v1/workspace", {
			default_from_email: `slow-${id}@example.com`,
			postal_address: "4 Test Street, Berlin",
			send_rate_per_second: 1,
		});
		for (let i = 0; i < audience; i++)
			await apiCall("POST", "/api/v1/contacts", { email: `slow${i}-${id}@example.com`, first_name: `Slow${i}` });
		const template = await apiCall<{ id: string }>("POST", "/api/v1/templates", {
			name: `Slow ${id}`,
			subject: "Slowly",
			html: "<p>One at a time</p>",
		});
		const campaign = await apiCall<{ id: string }>("POST", "/api/v1/campaigns", {
			name: `Slow send ${id}`,
			template_id: template.id,
		});
		await apiCall("POST", `/api/v1/campaigns/${campaign.id}/send`, undefined);

		await page.goto("/");
		const section = page.getByRole("region", { name: "Sending now" });
		const row = section.getByTestId("sending-campaign").filter({ hasText: `Slow send ${id}` });
		await row.waitFor();
		await page.evaluate(() => {
			(window as unknown as { __liveMarker: string }).__liveMarker = "still here";
		});
		await expect.poll(async () => row.locator(".live-indicator").getAttribute("data-state")).toBe("live");
		await shot("103-overview-sending-now");

		await expect
			.poll(async () => digits(await row.getByTestId("sending-sent").textContent()), { timeout: 45_000 })
			.toBe(audience);
		await row
			.getByTestId("campaign-status")
			.filter({ hasText: /^completed$/ })
			.waitFor({ timeout: 30_000 });
		expect(await row.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
		expect(await page.evaluate(() => (window as unknown as { __liveMarker?: string }).__liveMarker)).toBe("still here");
		expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
		// The recent campaigns below catch up too.
		await page
			.getByRole("region", { name: "Recent campaigns" })
			.getByTestId("campaign-status")
			.filter({ hasText: /^completed$/ })
			.waitFor();
		await shot("104-overview-sending-completed");
	}, 120_000);
});
