import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const browser = useBrowserPage("webhooks-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

/** A local receiver that answers 500 to the first request and 200 after. */
const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];
let receiver: Server;
let receiverUrl = "";
beforeAll(async () => {
	receiver = createServer((req, res) => {
		let body = "";
		req.on("data", (chunk) => {
			body += chunk;
		});
		req.on("end", () => {
			const status = received.length === 0 ? 500 : 200;
			received.push({ headers: req.headers, body, status });
			res.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const headersOf = (h: IncomingHttpHeaders) =>
	Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));

describe("webhook endpoints settings", () => {
	it("adds an endpoint, shows its secret once, and its deliveries: a failure retried with the same webhook-id, then a replay", async () => {
		const id = unique();
		const owner = await apiSession(baseUrl, { id, name: "Webhook Owner", ip: "198.51.100.71" });
		await browser.signIn(owner.cookie);
		await page.goto("/settings/webhooks");
		await page.getByText("No webhook endpoints yet").waitFor();

		await page.getByRole("button", { name: "Add endpoint" }).click();
		const add = page.getByRole("dialog", { name: "Add a webhook endpoint" });
		await add.getByLabel("Endpoint URL").fill("https://169.254.169.254/latest");
		await add.getByRole("button", { name: "Add endpoint" }).click();
		await add.getByText("private", { exact: false }).first().waitFor();
		await add.getByLabel("Endpoint URL").fill(receiverUrl);
		await add.getByRole("checkbox", { name: /contact\.created/ }).check();
		await browser.shot("webhooks-01-add-endpoint");
		await add.getByRole("button", { name: "Add endpoint" }).click();

		const shown = page.getByRole("dialog", { name: "Endpoint added" });
		const secret = await shown.getByTestId("webhook-secret").inputValue();
		expect(secret).toMatch(/^whsec_/);
		await browser.shot("webhooks-02-secret-once");
		await shown.getByRole("button", { name: "I have saved it" }).click();
		const row = page.getByRole("row").filter({ hasText: receiverUrl });
		await row.getByText("contact.created").waitFor();
		expect(await page.content()).not.toContain(secret);

		// A contact added: the receiver answers 500, Pulse retries within seconds with the same webhook-id.
		await owner.json("POST", "/api/v1/contacts", { email: `hooked-${id}@example.com` });
		await waitFor("the retry", () => (received.length >= 2 ? true : undefined));
		const [first, second] = received;
		expect(first?.status).toBe(500);
		expect(second?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
		for (const r of received) {
			const payload = new Webhook(secret).verify(r.body, headersOf(r.headers)) as {
				type: string;
				data: { email: string };
			};
			expect(payload).toMatchObject({ type: "contact.created", data: { email: `hooked-${id}@example.com` } });
		}

		await row.getByRole("button", { name: `Deliveries of ${receiverUrl}` }).click();
		const log = page.getByRole("dialog", { name: "Deliveries" });
		const delivery = log.getByRole("row").filter({ hasText: "contact.created" });
		await delivery.getByText("succeeded").waitFor();
		await delivery.getByText(/^500 · \d+ ms$/).waitFor();
		await delivery.getByText(/^200 · \d+ ms$/).waitFor();
		await browser.shot("webhooks-03-deliveries");

		await delivery.getByRole("button", { name: /^Replay contact\.created/ }).click();
		await waitFor("the replay", () => (received.length >= 3 ? true : undefined));
		expect(received[2]?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
	});
});
