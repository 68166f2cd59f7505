import { html } from "hono/html";

export type NotificationContent = { title: string; body: string; link: string | null };

/** An absolute link for emails and Slack (links are stored as dashboard paths). */
export const absoluteLink = (link: string | null, baseUrl: string) =>
	link ? (/^https?:\/\//.test(link) ? link : `${baseUrl.replace(/\/+$/, "")}${link}`) : null;

/** One notification, or a day's digest of several, as an email. */
export async function notificationEmail(workspace: string, items: NotificationContent[], baseUrl: string) {
	const digest = items.length > 1;
	const first = items[0];
	const subject = digest
		? `${items.length} notifications in ${workspace}`
		: `${first?.title ?? "Notification"} · ${workspace}`;
	const rows = items.map((n) => {
		const url = absoluteLink(n.link, baseUrl);
		return html`<li style="margin:0 0 12px"><strong>${n.title}</strong><br>${n.body}${url ? html`<br><a href="${url}">Open in Pulse</a>` : ""}</li>`;
	});
	const body = html`<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1c28">
<p>${digest ? `Your daily digest for ${workspace}:` : `In ${workspace}:`}</p><ul style="padding-left:18px">${rows}</ul>
<p style="color:#55556a">Choose what you receive under Settings → Notifications.</p></body></html>`;
	const text = `${items
		.map((n) => `${n.title}\n${n.body}${n.link ? `\n${absoluteLink(n.link, baseUrl)}` : ""}`)
		.join("\n\n")}\n\nChoose what you receive under Settings → Notifications.\n`;
	return { subject, html: (await body).toString(), text };
}

/** The Slack incoming-webhook payload (mrkdwn; `<url|text>` links; &, < and > escaped). */
export function slackPayload(workspace: string, n: NotificationContent, baseUrl: string) {
	const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
	const url = absoluteLink(n.link, baseUrl);
	return {
		text: `*${esc(n.title)}* (${esc(workspace)})\n${esc(n.body)}${url ? `\n<${url}|Open in Pulse>` : ""}`,
	};
}
