import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { screenshot } from "./browser";
import { useBrowserPage } from "./browser-page";

const baseUrl = inject("baseUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const browser = useBrowserPage("09-dashboard-failure");
let page: Page;
beforeEach(() => {
	page = browser.page();
});

/** The `.field` wrapper of a labelled control, where its error is shown. */
const fieldOf = (label: string) => page.locator(".field").filter({ has: page.getByLabel(label, { exact: true }) });

async function signUp(user: { name: string; email: string; password: string; workspace: string }) {
	await page.getByLabel("Your name").fill(user.name);
	await page.getByLabel("Work email").fill(user.email);
	await page.getByLabel("Password").fill(user.password);
	await page.getByLabel("Workspace name").fill(user.workspace);
	await page.getByRole("button", { name: "Create account", exact: true }).click();
}

describe("dashboard", () => {
	it("takes a new user from signup to a working API key, settings, an invitation and logout", async () => {
		const id = unique();
		const user = {
			name: "Ada Lovelace",
			email: `ada-${id}@example.com`,
			password: "correct-horse-1",
			workspace: `Acme ${id}`,
		};

		await page.goto("/");
		await page.waitForURL("**/login");
		await page.getByRole("heading", { name: "Sign in to Pulse" }).waitFor();
		await screenshot(page, "01-login");

		await page.getByRole("link", { name: "Create an account" }).click();
		await page.waitForURL("**/signup");
		await screenshot(page, "02-signup");
		await signUp(user);

		await page.waitForURL(`${baseUrl}/`);
		await page.getByTestId("workspace-name").filter({ hasText: user.workspace }).waitFor();
		await page.getByRole("heading", { name: "Welcome, Ada" }).waitFor();
		expect(await page.getByTestId("topbar-workspace").textContent()).toBe(user.workspace);
		await screenshot(page, "03-overview");

		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
		await page.getByRole("heading", { name: "No contacts yet" }).waitFor();
		await screenshot(page, "04-contacts-empty");

		// API keys: create an editor key and use its one-time secret from Node.
		await page.getByRole("link", { name: "API keys" }).click();
		await page.waitForURL("**/settings/api-keys");
		await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
		await screenshot(page, "05-api-keys-empty");
		await page.getByRole("button", { name: "Create key", exact: true }).click();
		const createDialog = page.getByRole("dialog", { name: "Create API key" });
		await createDialog.getByLabel("Name").fill("E2E editor key");
		await createDialog.getByLabel("Role").selectOption("editor");
		await screenshot(page, "06-api-key-create");
		await createDialog.getByRole("button", { name: "Create key" }).click();
		const secretDialog = page.getByRole("dialog", { name: "Your new API key" });
		await secretDialog.waitFor();
		await secretDialog.getByText("It will not be shown again").waitFor();
		const key = await secretDialog.getByTestId("api-key-secret").inputValue();
		expect(key).toMatch(/^pulse_/);
		await screenshot(page, "07-api-key-secret");

		const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
		expect(me.status).toBe(200);
		const body = (await me.json()) as { workspace: { name: string }; role: string; auth: string };
		expect(body.workspace.name).toBe(user.workspace);
		expect(body.role).toBe("editor");
		expect(body.auth).toBe("api_key");

		await secretDialog.getByRole("button", { name: "I have saved it" }).click();
		await secretDialog.waitFor({ state: "detached" });
		const row = page.getByRole("row").filter({ hasText: "E2E editor key" });
		await row.getByText("Never").waitFor();
		expect(await row.textContent()).toContain(`${key.slice(0, 14)}…`);
		await screenshot(page, "08-api-keys-list");

		// Workspace settings: the postal address is saved.
		await page.getByRole("link", { name: "Workspace", exact: true }).click();
		await page.waitForURL("**/settings/workspace");
		const address = `1 Main Street\nSpringfield ${id}`;
		await page.getByLabel("Postal address").fill(address);
		await page.getByRole("button", { name: "Save changes" }).click();
		await page.getByRole("status").filter({ hasText: "Workspace settings saved" }).waitFor();
		await screenshot(page, "09-workspace-saved");
		const after = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
		expect(((await after.json()) as { workspace: { postal_address: string } }).workspace.postal_address).toBe(address);

		// Members: invite someone and see them listed as invited.
		await page.getByRole("link", { name: "Members" }).click();
		await page.waitForURL("**/settings/members");
		await page.getByRole("row").filter({ hasText: user.email }).waitFor();
		await page.getByRole("button", { name: "Invite member" }).click();
		const inviteDialog = page.getByRole("dialog", { name: "Invite a member" });
		const invitee = `grace-${id}@example.com`;
		await inviteDialog.getByLabel("Email").fill(invitee);
		await inviteDialog.getByLabel("Role").selectOption("viewer");
		await inviteDialog.getByRole("button", { name: "Create invitation" }).click();
		const created = page.getByRole("dialog", { name: "Invitation created" });
		expect(await created.getByTestId("invite-url").inputValue()).toMatch(/\/invite\/\S+$/);
		await screenshot(page, "10-invitation-link");
		await created.getByRole("button", { name: "Done" }).click();
		const invitedRow = page.getByRole("row").filter({ hasText: invitee });
		await invitedRow.getByText("invited", { exact: true }).waitFor();
		await screenshot(page, "11-members");

		// Narrow screens: the navigation collapses behind a toggle.
		await page.setViewportSize({ width: 375, height: 812 });
		await page.getByRole("button", { name: "Open navigation" }).click();
		await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).waitFor();
		await page.waitForFunction(() => {
			const sidebar = document.getElementById("sidebar");
			return sidebar !== null && sidebar.getBoundingClientRect().left === 0;
		});
		await screenshot(page, "12-mobile-nav");
		await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
		await page.setViewportSize({ width: 1280, height: 800 });

		await page.getByRole("button", { name: "Log out" }).click();
		await page.waitForURL("**/login");
		await page.getByRole("heading", { name: "Sign in to Pulse" }).waitFor();
		await screenshot(page, "13-logged-out");
		await page.goto("/settings/members");
		await page.waitForURL("**/login?next=*");
	});

	it("lets an invited person join from the invitation link, with read-only settings as a viewer", async () => {
		const id = unique();
		const owner = await fetch(`${baseUrl}/api/v1/auth/signup`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({
				email: `owner-${id}@example.com`,
				password: "long-enough-pass",
				name: "Owner",
				workspace_name: `Team ${id}`,
			}),
		});
		expect(owner.status).toBe(201);
		const cookie = owner.headers
			.getSetCookie()
			.map((c) => c.split(";")[0])
			.join("; ");
		const invitee = `viewer-${id}@example.com`;
		const invited = await fetch(`${baseUrl}/api/v1/members`, {
			method: "POST",
			headers: { "content-type": "application/json", cookie, origin: baseUrl },
			body: JSON.stringify({ email: invitee, role: "viewer" }),
		});
		expect(invited.status).toBe(201);
		const { invite_url } = (await invited.json()) as { invite_url: string };

		await page.goto(new URL(invite_url).pathname);
		await page.getByRole("heading", { name: "You're invited to Pulse" }).waitFor();
		await screenshot(page, "30-invitation");
		await page.getByRole("link", { name: "Create an account to join" }).click();
		await page.waitForURL("**/signup?next=*");
		expect(await page.getByLabel("Workspace name").count()).toBe(0);
		await page.getByLabel("Your name").fill("Vera Viewer");
		await page.getByLabel("Work email").fill(invitee);
		await page.getByLabel("Password").fill("long-enough-pass");
		await screenshot(page, "31-signup-from-invitation");
		await page.getByRole("button", { name: "Create account and join" }).click();

		await page.waitForURL(`${baseUrl}/`);
		await page
			.getByTestId("workspace-name")
			.filter({ hasText: `Team ${id}` })
			.waitFor();
		await page.locator(".topbar").getByText("viewer", { exact: true }).waitFor();
		await page.getByRole("link", { name: "Workspace", exact: true }).click();
		await page.getByText("Only admins and owners can change these settings").waitFor();
		expect(await page.getByLabel("Postal address").isDisabled()).toBe(true);
		expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
		await screenshot(page, "32-viewer-workspace-read-only");
		await page.getByRole("link", { name: "API keys" }).click();
		await page.getByRole("heading", { name: "Only admins and owners manage API keys" }).waitFor();
		expect(await page.getByRole("button", { name: "Create key" }).count()).toBe(0);
	});

	it("shows the API's field errors next to the fields", async () => {
		const id = unique();
		const email = `taken-${id}@example.com`;
		const existing = await fetch(`${baseUrl}/api/v1/auth/signup`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email, password: "long-enough-pass", name: "First", workspace_name: "First co" }),
		});
		expect(existing.status).toBe(201);

		await page.goto("/signup");
		await signUp({ name: "Second", email: `new-${id}@example.com`, password: "short", workspace: "Second co" });
		await fieldOf("Password").getByText("Use at least 10 characters").waitFor();
		expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
		await screenshot(page, "20-signup-short-password");

		await page.getByLabel("Work email").fill(email);
		await page.getByLabel("Password").fill("long-enough-pass");
		await page.getByRole("button", { name: "Create account", exact: true }).click();
		await fieldOf("Work email").getByText("Already registered").waitFor();
		await page.getByRole("alert").filter({ hasText: "already exists" }).waitFor();
		expect(await fieldOf("Password").locator("[data-field-error]").count()).toBe(0);
		await screenshot(page, "21-signup-email-taken");
	});
});
