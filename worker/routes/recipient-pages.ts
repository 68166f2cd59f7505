import { html, raw } from "hono/html";

const STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f5f5f8;color:#1c1c28}
main{max-width:440px;margin:10vh auto;background:#fff;border:1px solid #e6e6ee;border-radius:12px;padding:32px;text-align:center}
h1{font-size:22px;margin:0 0 8px}p{color:#55556a;margin:0 0 20px}button{font:inherit;font-weight:600;background:#1c1c28;color:#fff;border:0;border-radius:8px;padding:12px 22px;cursor:pointer}
button:focus-visible{outline:3px solid #8b7cff;outline-offset:2px}small{display:block;margin-top:24px;color:#8a8a99}
fieldset{border:0;margin:0 0 20px;padding:0;text-align:left}label{display:flex;gap:12px;align-items:flex-start;padding:10px 0;border-bottom:1px solid #eeeef4;cursor:pointer}
label input{width:20px;height:20px;margin-top:2px;flex:none}label span{display:block;color:#8a8a99;font-size:14px}
.secondary{background:#fff;color:#b42318;border:1px solid #e6e6ee}hr{border:0;border-top:1px solid #e6e6ee;margin:28px 0}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}`;

export const page = (title: string, body: ReturnType<typeof html>) =>
	html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${raw(STYLE)}</style></head><body><main>${body}</main></body></html>`;

/** "ada@example.com" → "a**@example.com": enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
	const at = email.lastIndexOf("@");
	if (at < 1) return "your address";
	return `${email[0]}${"*".repeat(Math.min(6, Math.max(2, at - 1)))}${email.slice(at)}`;
}

export const invalidLinkPage = () =>
	page(
		"Link not found",
		html`<h1>This link doesn't work</h1><p>It may have been copied incompletely. Open the email again and use the link from there.</p>`,
	);

/** Shows who is unsubscribing from what; nothing changes until the button is pressed. */
export const unsubscribePage = (workspace: string, email: string | null, action: string) =>
	page(
		`Unsubscribe from ${workspace}`,
		html`<h1>Unsubscribe from ${workspace}?</h1><p>${email ? html`You will stop receiving marketing emails at <strong>${maskEmail(email)}</strong>.` : "You will stop receiving these marketing emails."}</p>
<form method="post" action="${action}"><button type="submit">Unsubscribe</button></form><small>Changed your mind? Just close this page.</small>`,
	);

type TopicChoice = { id: string; name: string; description: string; subscribed: boolean };

/**
 * The preference centre: the workspace's topics, each a checkbox (ticked = keep receiving it), saved with one
 * button; below, unsubscribing from everything, as on the plain unsubscribe page. Nothing changes until a button.
 */
export const preferencePage = (
	workspace: string,
	email: string | null,
	action: string,
	topics: TopicChoice[],
	saved = false,
) =>
	page(
		`Email preferences for ${workspace}`,
		html`<h1>Your email preferences</h1>${saved ? html`<p role="status"><strong>Saved.</strong> ${workspace} will send you only the topics ticked below.</p>` : html`<p>Choose what ${workspace} sends ${email ? html`to <strong>${maskEmail(email)}</strong>` : "you"}.</p>`}
<form method="post" action="${action}/preferences"><fieldset><legend class="sr-only">Topics</legend>${topics.map(
			(t) =>
				html`<label><input type="checkbox" name="topic" value="${t.id}"${t.subscribed ? raw(" checked") : ""}><div><strong>${t.name}</strong>${t.description ? html`<span>${t.description}</span>` : ""}</div></label>`,
		)}</fieldset><button type="submit">Save preferences</button></form>
<hr><form method="post" action="${action}"><p>Or stop all marketing emails from ${workspace}.</p><button type="submit" class="secondary">Unsubscribe from everything</button></form>`,
	);

export const unsubscribedPage = (workspace: string) =>
	page(
		"Unsubscribed",
		html`<h1>You're unsubscribed</h1><p>${workspace} will not send you marketing emails any more.</p>`,
	);

/** A link from a preview or test send: says where it would lead, and leads nowhere. */
export const previewLinkPage = (destination: string) =>
	page(
		"Preview link",
		html`<h1>This link is from a preview</h1><p>In the real email it opens:</p><p><code style="word-break:break-all">${destination}</code></p><small>Preview links are not tracked and do not redirect.</small>`,
	);

/** The unsubscribe link of a preview or test send: nobody is unsubscribed by it. */
export const previewUnsubscribePage = () =>
	page(
		"Preview unsubscribe link",
		html`<h1>This unsubscribe link is from a preview</h1><p>In the real email it unsubscribes the recipient. Nothing was changed.</p>`,
	);
