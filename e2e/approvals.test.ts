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
			name: role === "admin" ? "Ada Admin" : "Eve Editor",
			invite_token: invite.invite_url.split("/invite/")[1],
		}),
	});
	expect(res.status, await res.clone().text()).toBe(201);
	return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** A decision by a member, through the API (they are in another browser). */
async function decide(cookie: string, campaignId: string) {
	const res = await fetch(`${baseUrl}/api/v1/campaigns/${campaignId}/approval/decide`, {
		method: "POST",
		headers: { cookie, origin: baseUrl, "content-type": "application/json" },
		body: JSON.stringify({ decision: "approve" }),
	});
	expect(res.status, await res.clone().text()).toBe(200);
}

describe("approvals", () => {
	it("across three members: the editor asks, an admin approves the content, the owner the final stage; the editor's bell says so live and the campaign sends", async () => {
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
		const editorCookie = await invitedMember(owner, "editor", id);
		await owner.json("PUT", "/api/v1/approval-policy", {
			stages: [
				{ name: "Content", approver_roles: ["admin"], min_approvals: 1 },
				{ name: "Final", approver_roles: ["owner"], min_approvals: 1 },
			],
			allow_self_approval: false,
		});

		// The owner's settings page shows both stages in order.
		await browser.signIn(owner.cookie);
		await page.goto("/settings/approvals");
		const policy = page.getByTestId("approval-policy");
		await expect.poll(async () => (await policy.getByLabel("Name").all()).length).toBe(2);
		expect(await policy.getByLabel("Name").nth(1).inputValue()).toBe("Final");

		// The editor works in the browser from here on.
		await browser.signIn(editorCookie);
		await page.goto(`/campaigns/${campaign.id}`);
		await page.getByRole("button", { name: "Send now…" }).click();
		// The dialog asks the server first: the send would be refused, so it says why and the button waits.
		await page.getByRole("dialog").getByText('Approval required: the stage "Content"', { exact: false }).waitFor();
		expect(await page.getByTestId("confirm-send").isDisabled()).toBe(true);
		await browser.shot("approvals-02-send-blocked");
		await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

		const card = page.getByTestId("approval-card");
		await card.getByRole("button", { name: "Request review" }).click();
		await card.getByText("Waiting for review").waitFor();

		// An editor cannot approve; the admin approves the content stage, the final one waits for the owner.
		const own = await fetch(`${baseUrl}/api/v1/campaigns/${campaign.id}/approval/decide`, {
			method: "POST",
			headers: { cookie: editorCookie, origin: baseUrl, "content-type": "application/json" },
			body: JSON.stringify({ decision: "approve" }),
		});
		expect(own.status).toBe(403);
		await decide(adminCookie, campaign.id);
		const midway = await owner.json<{ status: string; stage: string | null }>(
			"GET",
			`/api/v1/campaigns/${campaign.id}/approval`,
		);
		expect(midway).toMatchObject({ status: "pending", stage: "Final" });
		await decide(owner.cookie, campaign.id);

		// The editor's bell counts the decision without a reload, over the notifications socket.
		await page.getByTestId("bell-unread").getByText("1").waitFor();
		await page.getByTestId("bell").click();
		await page.getByTestId("notification").getByText("Approved: Spring sale").waitFor();
		await browser.shot("approvals-03-bell");
		await page.getByTestId("bell").click();

		// The approval panel follows without a reload too: both stages approved.
		await page.getByTestId("approval-status").getByText("Approved").waitFor();
		expect(await page.getByTestId("approval-stage").count()).toBe(2);
		await page.getByRole("button", { name: "Send now…" }).click();
		await page.getByTestId("confirm-send").click();
		await page.getByText("Sending started").waitFor();
		await browser.shot("approvals-04-sent");
	});
});
