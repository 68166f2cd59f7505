import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const fakeResendUrl = inject("fakeResendUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const browser = useBrowserPage("sending-setup-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

describe("setting up sending", () => {
	it("shows test mode to every page until an owner connects Resend, then lists the account's domains", async () => {
		const id = unique();
		const owner = await apiSession(baseUrl, { id, name: "Sending Owner", ip: "198.51.100.61" });
		const key = `re_e2e_${id}_k3y9`;
		// A domain already in the Resend account, added in Resend's own dashboard.
		const domain = `news-${id}.example`;
		const made = await fetch(`${fakeResendUrl}/domains`, {
			method: "POST",
			headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
			body: JSON.stringify({ name: domain }),
		});
		expect(made.status).toBe(201);

		await browser.signIn(owner.cookie);
		await page.goto("/");
		const banner = page.getByTestId("test-mode-banner");
		await banner.getByText("Test mode: emails go to the Outbox.").waitFor();
		await browser.shot("sending-01-test-mode-banner");

		await banner.getByRole("link", { name: "Set up sending" }).click();
		await page.waitForURL("**/settings/sending-domains");
		const card = page.getByTestId("provider-card");
		await card.getByText("Test mode", { exact: true }).waitFor();
		await card.getByLabel("Resend API key").fill("not-a-resend-key");
		await card.getByRole("button", { name: "Connect Resend" }).click();
		await card.getByText("Resend did not accept this key", { exact: false }).first().waitFor();
		await browser.shot("sending-02-key-refused");

		await card.getByLabel("Resend API key").fill(key);
		await card.getByRole("button", { name: "Connect Resend" }).click();
		await card.getByText("Connected", { exact: true }).waitFor();
		expect(await card.textContent()).toContain("…k3y9");
		expect(await card.textContent()).not.toContain(key);
		await banner.waitFor({ state: "detached" });

		const row = page.getByRole("row").filter({ hasText: domain });
		await row.getByText("pending").waitFor();
		await browser.shot("sending-03-connected-with-domains");
		await row.getByRole("button", { name: `DNS records of ${domain}` }).click();
		const records = page.getByRole("dialog", { name: `DNS records for ${domain}` });
		await records.getByText("DKIM", { exact: false }).first().waitFor();
		await browser.shot("sending-04-dns-records");
	});

	it("lets a recipient keep some topics and turn others off on the preference page", async () => {
		const id = unique();
		const owner = await apiSession(baseUrl, { id, name: "Topics Owner", ip: "198.51.100.62" });
		await owner.json("PATCH", "/api/v1/workspace", {
			postal_address: "1 Topic Street, Oslo",
			default_from_email: "news@topics.example",
		});
		await owner.json("POST", "/api/v1/contacts", { email: `reader-${id}@example.com`, first_name: "Rea" });
		const news = await owner.json<{ id: string }>("POST", "/api/v1/topics", {
			name: "Product news",
			description: "New features, once a month",
		});
		await owner.json("POST", "/api/v1/topics", { name: "Events", description: "Meetups near you" });
		const template = await owner.json<{ id: string }>("POST", "/api/v1/templates", {
			name: "Hello",
			subject: "Hello",
			html: '<p>Hi</p><a href="{{ preferences_url }}">Preferences</a>',
		});
		const campaign = await owner.json<{ id: string }>("POST", "/api/v1/campaigns", {
			name: "About events",
			template_id: template.id,
		});
		await owner.json("POST", `/api/v1/campaigns/${campaign.id}/send`);
		let unsubscribe = "";
		for (let i = 0; i < 150 && !unsubscribe; i++) {
			const outbox = await owner.json<{ data: { headers: Record<string, string> }[] }>(
				"GET",
				`/api/v1/outbox?campaign_id=${campaign.id}`,
			);
			unsubscribe = /<([^>]+\/u\/[^>]+)>/.exec(outbox.data[0]?.headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
			if (!unsubscribe) await new Promise((r) => setTimeout(r, 200));
		}
		expect(unsubscribe).not.toBe("");

		await page.goto(new URL(unsubscribe).pathname);
		await page.getByRole("heading", { name: "Your email preferences" }).waitFor();
		const newsBox = page.getByRole("checkbox", { name: /Product news/ });
		expect(await newsBox.isChecked()).toBe(true);
		await browser.shot("sending-05-preference-centre");
		await newsBox.uncheck();
		await page.getByRole("button", { name: "Save preferences" }).click();
		await page.getByText("Saved.").waitFor();
		expect(await page.getByRole("checkbox", { name: /Product news/ }).isChecked()).toBe(false);
		expect(await page.getByRole("checkbox", { name: /Events/ }).isChecked()).toBe(true);
		await browser.shot("sending-06-preferences-saved");

		const topics = await owner.json<{ data: { id: string; opted_out: number }[] }>("GET", "/api/v1/topics");
		expect(topics.data.find((t) => t.id === news.id)?.opted_out).toBe(1);
		const contacts = await owner.json<{ data: { status: string }[] }>("GET", "/api/v1/contacts");
		expect(contacts.data.map((c) => c.status)).toEqual(["subscribed"]);
	});
});
