import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const browser = useBrowserPage("approvals-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

/** Invites a member and signs them up with the invitation, answering their session cookie. */
async function invitedMember(owner: Awaited<ReturnType<typeof apiSession>>, role: string, id: string) {
	const email = `${role}-${id}@example.com`;
	const invite = await owner.json<{ invite_url: string }>("POST", "/api/v1/members", { email, role });
	const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
		method: "POST",
		headers: { "content-type": "application/json", origin: baseUrl, "cf-connecting-ip": "198.51.100.72" },
		body: JSON.stringify({
			email,
			password: "correct-horse-1",
			name: "Ada Admin",
			invite_token: invite.invite_url.split("/invite/")[1],
		}),
	});
	expect(res.status, await res.clone().text()).toBe(201);
	return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("approvals", () => {
	it("blocks the send until a second member approves the stage, and the bell says so live", async () => {
		const id = unique();
		const owner = await apiSession(baseUrl, { id, name: "Review Owner", ip: "198.51.100.71" });
		await owner.json("PATCH", "/api/v1/workspace", {
			postal_address: "1 Review Road, Oslo",
			default_from_email: "news@review.example",
		});
		await owner.json("POST", "/api/v1/contacts", { email: `reader-${id}@example.com` });
		const template = await owner.json<{ id: string }>("POST", "/api/v1/templates", {
			name: "Sale",
			subject: "Spring sale",
			html: "<p>Spring sale</p>",
		});
		const campaign = await owner.json<{ id: string }>("POST", "/api/v1/campaigns", {
			name: "Spring sale",
			template_id: template.id,
		});
		const adminCookie = await invitedMember(owner, "admin", id);

		await browser.signIn(owner.cookie);
		await page.goto("/settings/approvals");
		const policy = page.getByTestId("approval-policy");
		await policy.getByRole("button", { name: "Add a stage" }).click();
		await policy.getByLabel("Name").fill("Compliance");
		await policy.getByRole("button", { name: "Save policy" }).click();
		await page.getByText("Approval policy saved").waitFor();
		await browser.shot("approvals-01-policy");

		await page.goto(`/campaigns/${campaign.id}`);
		await page.getByRole("button", { name: "Send now…" }).click();
		// The dialog asks the server first: the send would be refused, so it says why and the button waits.
		await page.getByRole("dialog").getByText('Approval required: the stage "Compliance"', { exact: false }).waitFor();
		expect(await page.getByTestId("confirm-send").isDisabled()).toBe(true);
		await browser.shot("approvals-02-send-blocked");
		await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

		const card = page.getByTestId("approval-card");
		await card.getByRole("button", { name: "Request review" }).click();
		await card.getByText("Waiting for review").waitFor();

		const decided = await fetch(`${baseUrl}/api/v1/campaigns/${campaign.id}/approval/decide`, {
			method: "POST",
			headers: { cookie: adminCookie, origin: baseUrl, "content-type": "application/json" },
			body: JSON.stringify({ decision: "approve" }),
		});
		expect(decided.status, await decided.clone().text()).toBe(200);
		// The bell counts the decision without a reload, over the notifications socket.
		await page.getByTestId("bell-unread").getByText("1").waitFor();
		await page.getByTestId("bell").click();
		await page.getByTestId("notification").getByText("Approved: Spring sale").waitFor();
		await browser.shot("approvals-03-bell");
		await page.getByTestId("bell").click();

		// The approval panel follows without a reload too.
		await page.getByTestId("approval-status").getByText("Approved").waitFor();
		await page.getByRole("button", { name: "Send now…" }).click();
		await page.getByTestId("confirm-send").click();
		await page.getByText("Sending started").waitFor();
		await browser.shot("approvals-04-sent");
	});
});
