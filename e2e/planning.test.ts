import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { apiSession } from "./api-session";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const browser = useBrowserPage("planning-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

describe("planning", () => {
	it("plans a campaign: readiness before send, the review and a task ticked off on its timeline, the campaign on the calendar", async () => {
		const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
		const owner = await apiSession(baseUrl, { id, name: "Plan Owner", ip: "198.51.100.81" });
		await owner.json("PATCH", "/api/v1/workspace", {
			postal_address: "1 Plan Street, Oslo",
			default_from_email: "news@plan.example",
		});
		const template = await owner.json<{ id: string }>("POST", "/api/v1/templates", {
			name: "Launch",
			subject: "We launched",
			html: "<p>We launched</p>",
		});
		const sendAt = new Date(Date.now() + 5 * 86_400_000);
		const campaign = await owner.json<{ id: string }>("POST", "/api/v1/campaigns", {
			name: `Launch ${id}`,
			template_id: template.id,
			schedule: { send_at: sendAt.toISOString() },
		});
		// A review policy from now on: the review is requested and waits for an admin.
		await owner.json("PUT", "/api/v1/approval-policy", {
			stages: [{ name: "Compliance", approver_roles: ["admin"], min_approvals: 1 }],
			allow_self_approval: false,
		});
		await owner.json("POST", `/api/v1/campaigns/${campaign.id}/approval/request`);

		await browser.signIn(owner.cookie);
		await page.goto(`/campaigns/${campaign.id}`);
		// Nobody can be mailed yet, no test was sent, the review waits: 4 of 7 checks pass.
		const readiness = page.getByTestId("readiness-card");
		await readiness.getByText("57% ready").waitFor();
		for (const check of ["audience", "test_send", "approvals"])
			expect(await readiness.locator(`[data-check="${check}"]`).getAttribute("data-ok")).toBe("false");
		await readiness.getByText("Waiting for Compliance").waitFor();

		// The send dialog shows the same checklist: the score, each failing check with what to do, and the server's
		// refusal while the review waits (the button waits with it).
		await page.getByRole("button", { name: "Send now…" }).click();
		const dialog = page.getByRole("dialog");
		const checks = dialog.getByTestId("send-checks");
		await checks.getByTestId("send-readiness-score").getByText("57% ready").waitFor();
		await checks.locator('[data-check="approvals"]').getByText("Waiting for Compliance").waitFor();
		await checks.locator('[data-check="test_send"]').getByText("Send a test of this version").waitFor();
		expect(await checks.locator('[data-check="sender"]').count()).toBe(0);
		await checks
			.getByText('Sending is not possible yet: Approval required: waiting for the stage "Compliance"')
			.waitFor();
		expect(await dialog.getByTestId("confirm-send").isDisabled()).toBe(true);
		await browser.shot("planning-00-send-checks");
		await dialog.getByRole("button", { name: "Cancel" }).click();

		const timeline = page.getByTestId("timeline-card");
		const form = timeline.getByTestId("task-form");
		await form.getByLabel("Milestone").selectOption("content_due");
		await form.getByLabel("Task").fill("Write the copy");
		await form.getByLabel("Assignee").selectOption({ label: "Plan Owner" });
		await form.getByRole("button", { name: "Add task" }).click();
		await timeline.locator('[data-milestone="review_due"]').getByText("Plan Owner requested a review").waitFor();
		const content = timeline.locator('[data-milestone="content_due"]');
		await content.getByText("Write the copy").waitFor();
		await content.getByText("Plan Owner").waitFor();
		await content.getByRole("checkbox", { name: "Write the copy: done" }).check();
		await content.getByText("Done", { exact: true }).waitFor();
		await browser.shot("planning-01-campaign");

		const contentDue = new Date(sendAt.getTime() - 3 * 86_400_000);
		const month = `${contentDue.getFullYear()}-${String(contentDue.getMonth() + 1).padStart(2, "0")}`;
		await page.goto(`/calendar?month=${month}`);
		const entry = page.getByTestId("calendar-item").filter({ hasText: `Launch ${id}` });
		await page.getByText(`Content due: Launch ${id}`).first().waitFor();
		await browser.shot("planning-02-calendar");
		await entry.first().click();
		await page.waitForURL(`**/campaigns/${campaign.id}`);
	});
});
