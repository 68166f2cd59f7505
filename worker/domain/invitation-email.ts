import { html } from "hono/html";

export type InvitationContent = { workspace: string; inviter: string | null; role: string; url: string };

/** The invitation email: who invites, to what, with which role, and the one link that accepts it. */
export async function invitationEmail(input: InvitationContent) {
	const who = input.inviter ? `${input.inviter} invited you` : "You are invited";
	const subject = `${who} to ${input.workspace} on Pulse`;
	const body = html`<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1c28">
<p>${who} to join <strong>${input.workspace}</strong> on Pulse as ${article(input.role)} <strong>${input.role}</strong>.</p>
<p><a href="${input.url}" style="display:inline-block;background:#1c1c28;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">Accept the invitation</a></p>
<p style="color:#55556a">Or open this link: ${input.url}<br>It works for 7 days and only for this email address. If you did not expect it, ignore this email.</p>
</body></html>`;
	const text = `${who} to join ${input.workspace} on Pulse as ${article(input.role)} ${input.role}.\n\nAccept the invitation: ${input.url}\n\nIt works for 7 days and only for this email address. If you did not expect it, ignore this email.\n`;
	return { subject, html: (await body).toString(), text };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** `no-reply@` Pulse's own host when it is a domain name; a local placeholder for localhost or an IP address. */
export function fallbackSender(url: string): string {
	const host = new URL(url).hostname;
	const domainName = host.includes(".") && !/^[\d.]+$/.test(host) && !host.startsWith("[");
	return `no-reply@${domainName ? host : "pulse.local"}`;
}
