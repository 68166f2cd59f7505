import { describe, expect, it } from "vitest";
import { fallbackSender, invitationEmail } from "./invitation-email";

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

	it("comes from no-reply at Pulse's own domain, or a local placeholder on localhost or an IP address", () => {
		expect(fallbackSender("https://pulse.acme.com/invite/t")).toBe("no-reply@pulse.acme.com");
		expect(fallbackSender("http://127.0.0.1:8787/invite/t")).toBe("no-reply@pulse.local");
		expect(fallbackSender("http://localhost:8787/invite/t")).toBe("no-reply@pulse.local");
		expect(fallbackSender("http://[::1]:8787/invite/t")).toBe("no-reply@pulse.local");
	});
});
