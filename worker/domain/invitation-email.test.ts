import { describe, expect, it } from "vitest";
import { invitationEmail } from "./invitation-email";

describe("the invitation email", () => {
	it("names the workspace and role, carries the link, and escapes what people typed", async () => {
		const email = await invitationEmail({
			workspace: "Acme <b>News</b>",
			inviter: "Ada",
			role: "editor",
			url: "https://pulse.test/invite/tok",
		});
		expect(email.subject).toBe("Ada invited you to Acme <b>News</b> on Pulse");
		expect(email.html).toContain("Acme &lt;b&gt;News&lt;/b&gt;");
		expect(email.html).toContain('href="https://pulse.test/invite/tok"');
		expect(email.text).toContain("as an editor");
		expect(email.text).toContain("https://pulse.test/invite/tok");
	});
});
