import { html } from "hono/html";

/** The double opt-in email: one link that confirms, and what happens if the reader did not sign up. */
export async function confirmationEmail(input: { workspace: string; url: string }) {
	const subject = `Confirm your subscription to ${input.workspace}`;
	const body = html`<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1c28">
<p>Someone (we hope you) asked to receive emails from <strong>${input.workspace}</strong> at this address.</p>
<p><a href="${input.url}" style="display:inline-block;background:#1c1c28;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">Confirm my subscription</a></p>
<p style="color:#55556a">Or open this link: ${input.url}<br>It works for 7 days. If you did not sign up, ignore this email: you will not be subscribed.</p>
</body></html>`;
	const text = `Someone (we hope you) asked to receive emails from ${input.workspace} at this address.\n\nConfirm your subscription: ${input.url}\n\nIt works for 7 days. If you did not sign up, ignore this email: you will not be subscribed.\n`;
	return { subject, html: (await body).toString(), text };
}
