import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const browser = useBrowserPage("139-reports-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

const PERSON = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.0";
/** Apple Mail Privacy Protection's prefetch sends this bare agent: always a machine open. */
const PREFETCH = "Mozilla/5.0";
/** Clicks this soon after the send are a link scanner's (worker/domain/tracking/classify.ts). */
const BOT_CLICK_WINDOW_MS = 10_000;

type Session = Awaited<ReturnType<typeof apiSession>>;
type Captured = { to: string[] | string; html: string };

/** A recipient's mail client fetching a tracking URL (no cookies). */
async function hit(path: string, agent = PERSON) {
	const res = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: { "user-agent": agent } });
	await res.arrayBuffer();
	expect(res.status).toBeLessThan(400);
}

const trackingPath = (html: string, kind: "o" | "c") =>
	html.match(new RegExp(`/t/${kind}/[A-Za-z0-9._~-]+`))?.[0] ?? "";

async function sendCampaign(api: Session, name: string, templateId: string) {
	const campaign = await api.json<{ id: string }>("POST", "/api/v1/campaigns", { name, template_id: templateId });
	await api.json("POST", `/api/v1/campaigns/${campaign.id}/send`);
	await expect
		.poll(async () => (await api.json<{ status: string }>("GET", `/api/v1/campaigns/${campaign.id}/stats`)).status, {
			timeout: 15_000,
		})
		.toBe("completed");
	const outbox = await api.json<{ data: Captured[] }>("GET", `/api/v1/outbox?campaign_id=${campaign.id}`);
	const to = (who: string) => outbox.data.find((m) => String(m.to).includes(who))?.html ?? "";
	return { id: campaign.id, sentAt: Date.now(), to };
}

describe("reports", () => {
	it("explains a campaign's results in a printable report, filters its recipients, compares campaigns and shows a contact's timeline", async () => {
		const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
		const api = await apiSession(baseUrl, { id, name: "Rita Reports", ip: "198.51.100.41" });
		await api.json("PATCH", "/api/v1/workspace", {
			postal_address: "5 Report Way",
			default_from_email: "news@reports.example",
		});
		for (const name of ["ann", "bob", "cy", "dee"])
			await api.json("POST", "/api/v1/contacts", {
				email: `${name}-${id}@example.com`,
				first_name: name.toUpperCase(),
			});
		const template = await api.json<{ id: string }>("POST", "/api/v1/templates", {
			name: "Report",
			subject: "Hello {{ contact.first_name }}",
			html: '<p>Hi</p><a href="https://shop.example/spring">Shop</a>',
		});
		const spring = await sendCampaign(api, `Spring ${id}`, template.id);
		// Right after the send: bob's privacy proxy prefetches (machine), a scanner follows cy's link (bot).
		await hit(trackingPath(spring.to("bob-"), "o"), PREFETCH);
		await hit(trackingPath(spring.to("cy-"), "c"));
		const autumn = await sendCampaign(api, `Autumn ${id}`, template.id);
		const draft = await api.json<{ id: string }>("POST", "/api/v1/campaigns", {
			name: `Draft ${id}`,
			template_id: template.id,
		});
		await browser.signIn(api.cookie);

		// A draft offers no cancel and shows no empty numbers; the send dialog renders the subject for a recipient.
		await page.goto(`/campaigns/${draft.id}`);
		await page.getByTestId("audience-now").waitFor();
		expect(await page.getByRole("button", { name: "Cancel campaign", exact: true }).count()).toBe(0);
		expect(await page.getByTestId("delivery-stats").count()).toBe(0);
		await page.getByRole("button", { name: "Send now…" }).click();
		const dialog = page.getByRole("dialog");
		await dialog
			.getByTestId("send-subject")
			.filter({ hasText: /^Hello [A-Z]+$/ })
			.waitFor();
		await browser.shot("130-send-dialog-rendered-subject");
		await dialog.getByRole("button", { name: "Cancel", exact: true }).click();

		// People read later: ann opens and clicks, cy opens (after the scanners' window).
		const wait = spring.sentAt + BOT_CLICK_WINDOW_MS + 500 - Date.now();
		if (wait > 0) await page.waitForTimeout(wait);
		await hit(trackingPath(spring.to("ann-"), "o"));
		await hit(trackingPath(spring.to("ann-"), "c"));
		await hit(trackingPath(spring.to("cy-"), "o"));
		await hit(trackingPath(autumn.to("dee-"), "o"));
		await expect
			.poll(async () => {
				const s = await api.json<{ unique_opens: number; unique_clicks: number; machine_opens: number }>(
					"GET",
					`/api/v1/campaigns/${spring.id}/stats`,
				);
				return [s.unique_opens, s.unique_clicks, s.machine_opens];
			})
			.toEqual([2, 1, 1]);

		// The list has sent / opened / clicked columns.
		await page.goto("/campaigns");
		const springRow = page.getByRole("row").filter({ hasText: `Spring ${id}` });
		await springRow.getByTestId("campaign-opened").filter({ hasText: "2 50%" }).waitFor();
		expect(await springRow.getByTestId("campaign-clicked").textContent()).toBe("1 25%");
		await browser.shot("131-campaign-list-results");

		// The report: each rate says its base; delivered is not reported by the capture outbox; minute bars.
		await springRow.getByRole("link", { name: `Spring ${id}` }).click();
		const cards = page.getByTestId("rate-cards");
		await cards.locator('[data-stat="open-rate"] dd').filter({ hasText: "50%" }).waitFor();
		expect(await cards.locator('[data-stat="delivered"] dd').textContent()).toBe("Not reported");
		expect(await page.getByTestId("base-open-rate").textContent()).toBe("2 people of 4 sent");
		expect(await page.getByTestId("base-click-to-open").textContent()).toBe("1 person of 2 opened");
		expect(await page.getByTestId("split-opens").textContent()).toBe("2 by people · 1 machine");
		expect(await page.getByTestId("split-clicks").textContent()).toBe("1 by people · 1 bot");
		const chart = page.getByTestId("timeline-chart");
		await chart.waitFor();
		expect(await chart.getAttribute("data-bucket")).toBe("minute");
		expect(await page.getByTestId("x-title").textContent()).toBe("Time (one bar per minute)");

		// The printable report: the same numbers as the stats, the chart, the links; printing shows only the report.
		const stats = await api.json<Record<string, number> & { links: { url: string; clicks: number }[] }>(
			"GET",
			`/api/v1/campaigns/${spring.id}/stats`,
		);
		await page.locator(".page-actions").getByRole("link", { name: "Report", exact: true }).click();
		const numbers = page.getByTestId("report-numbers");
		await numbers.waitFor();
		const keys = ["audience", "sent", "suppressed", "capped", "failed", "bounced", "complained", "unsubscribed"];
		expect(await Promise.all(keys.map((key) => numbers.locator(`[data-stat="${key}"] dd`).textContent()))).toEqual(
			keys.map((key) => String(stats[key] ?? 0)),
		);
		expect(stats.sent).toBe(4);
		expect(await page.locator('[data-testid="rate-cards"] [data-stat="open-rate"] dd').textContent()).toBe("50%");
		expect(await page.getByTestId("base-open-rate").textContent()).toBe("2 people of 4 sent");
		expect(await page.getByTestId("report-facts").textContent()).toContain("Hello {{ contact.first_name }}");
		// The chart draws the people's opens and clicks (a bucket with none is a bar of height 0, not shown).
		await page.getByTestId("timeline-chart").locator('svg rect.bar-opens:not([height="0"])').first().waitFor();
		const linkRow = page
			.getByRole("table", { name: "Links" })
			.getByRole("row")
			.filter({ hasText: "shop.example/spring" });
		expect(await linkRow.locator('[data-col="clicks"]').textContent()).toBe(String(stats.links[0]?.clicks));
		expect(await page.getByTestId("report-csv").getAttribute("href")).toBe(
			`/api/v1/campaigns/${spring.id}/messages.csv`,
		);
		await page.evaluate(() => {
			window.print = () => document.body.setAttribute("data-printed", "yes");
		});
		await page.getByRole("button", { name: "Print", exact: true }).click();
		expect(await page.locator("body").getAttribute("data-printed")).toBe("yes");
		await page.emulateMedia({ media: "print" });
		expect(await page.locator("#sidebar").isVisible()).toBe(false);
		expect(await page.getByRole("button", { name: "Print", exact: true }).isVisible()).toBe(false);
		expect(await numbers.isVisible()).toBe(true);
		await browser.shot("135-campaign-report-print");
		await page.emulateMedia({ media: "screen" });
		await page.goBack();

		// The recipient log: who opened, searchable, exported, and made into a segment.
		const recipients = page.getByRole("region", { name: "Recipients" });
		await recipients.getByLabel("Engagement").selectOption("opened");
		const log = recipients.getByRole("table");
		await expect.poll(async () => (await log.locator("tbody tr").allTextContents()).length).toBe(2);
		expect((await log.locator("tbody").textContent()) ?? "").not.toContain("bob-");
		await browser.shot("132-campaign-report-opened");
		const csv = await page.request.get((await page.getByTestId("export-csv").getAttribute("href")) ?? "");
		expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
		expect((await csv.text()).trim().split("\r\n")).toHaveLength(3);
		await recipients.getByLabel("Search").fill("cy-");
		await expect.poll(async () => log.locator("tbody tr").count()).toBe(1);
		expect(await log.locator("tbody").textContent()).toContain(`cy-${id}`);
		await recipients.getByLabel("Search").fill("");
		await page.getByTestId("segment-from-log").click();
		await page.waitForURL("**/segments/seg_*");
		const segmentId = page.url().split("/").at(-1) ?? "";
		const segment = await api.json<{ name: string; count: number }>("GET", `/api/v1/segments/${segmentId}`);
		expect(segment).toMatchObject({ name: `Opened: Spring ${id}`, count: 2 });

		// Two campaigns side by side.
		await page.goto(`/campaigns/compare?ids=${spring.id},${autumn.id}`);
		const table = page.getByTestId("compare-table");
		await table.waitFor();
		expect(await table.locator("thead th").allTextContents()).toEqual(["Measure", `Spring ${id}`, `Autumn ${id}`]);
		const openRow = table
			.getByRole("row")
			.filter({ has: page.getByRole("rowheader", { name: "Open rate", exact: true }) });
		expect(await openRow.locator("td strong").allTextContents()).toEqual(["50%", "25%"]);
		await browser.shot("133-campaign-compare");

		// cy's timeline: the scanner's click is shown as a bot click, the person's open as theirs.
		const cy = await api.json<{ data: { id: string }[] }>("GET", `/api/v1/contacts?q=cy-${id}`);
		await page.goto(`/contacts/${cy.data[0]?.id}`);
		const timeline = page.getByTestId("contact-timeline");
		await timeline
			.locator('li[data-kind="click"]')
			.getByTestId("timeline-flag")
			.filter({ hasText: "bot click" })
			.waitFor();
		expect(await timeline.locator('li[data-kind="open"] [data-testid="timeline-flag"]').count()).toBe(0);
		expect(await timeline.locator('li[data-kind="message"]').count()).toBe(2);
		await browser.shot("134-contact-timeline");
		await timeline.getByLabel("Emails").uncheck();
		await timeline.locator('li[data-kind="message"]').first().waitFor({ state: "detached" });
		expect(await timeline.locator("li[data-kind]").count()).toBeGreaterThan(0);
	});
});
