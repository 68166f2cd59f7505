/** Built-in starting points: table layout and inline CSS, as real mail clients (Outlook, Gmail) need. */
export type StarterTemplate = {
	key: string;
	name: string;
	description: string;
	subject: string;
	preheader: string;
	html: string;
};

const shell = (inner: string, preheaderNote = "") => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>{{ workspace.name }}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f7;">${preheaderNote}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;">
${inner}
<tr><td style="padding:20px 32px;border-top:1px solid #ececf1;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#8a8a99;text-align:center;">
{{ workspace.name }} &middot; {{ workspace.postal_address }}<br>
<a href="{{ unsubscribe_url }}" style="color:#8a8a99;text-decoration:underline;">Unsubscribe</a> &middot; <a href="{{ preferences_url }}" style="color:#8a8a99;text-decoration:underline;">Preferences</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;

const FONT = "font-family:Arial,Helvetica,sans-serif;";

export const STARTER_TEMPLATES: StarterTemplate[] = [
	{
		key: "newsletter",
		name: "Newsletter",
		description: "A header, a lead story with a button, and two short items.",
		subject: "This month at {{ workspace.name }}",
		preheader: "Three things worth your time, {{ contact.first_name | default: 'friend' }}.",
		html: shell(`<tr><td style="padding:28px 32px 8px;${FONT}font-size:13px;letter-spacing:1px;text-transform:uppercase;color:#6d5dfc;font-weight:bold;">{{ workspace.name }} newsletter</td></tr>
<tr><td style="padding:0 32px;${FONT}"><h1 style="margin:8px 0 12px;font-size:26px;line-height:32px;color:#1c1c28;">Hi {{ contact.first_name | default: "there" }}, here is what's new</h1>
<p style="margin:0 0 20px;font-size:16px;line-height:24px;color:#3c3c4a;">Our biggest update this month: write your lead story here. Keep it short and give one clear next step.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="border-radius:6px;background:#6d5dfc;"><a href="https://example.com/read-more" style="display:inline-block;padding:12px 22px;${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;">Read the story</a></td></tr></table>
</td></tr>
<tr><td style="padding:28px 32px 8px;${FONT}"><h2 style="margin:0 0 6px;font-size:18px;color:#1c1c28;">Second item</h2><p style="margin:0;font-size:15px;line-height:22px;color:#3c3c4a;">One or two sentences and a <a href="https://example.com/second" style="color:#6d5dfc;">link</a>.</p></td></tr>
<tr><td style="padding:20px 32px 28px;${FONT}"><h2 style="margin:0 0 6px;font-size:18px;color:#1c1c28;">Third item</h2><p style="margin:0;font-size:15px;line-height:22px;color:#3c3c4a;">Another short note for readers{% if contact.attributes.city %} in {{ contact.attributes.city }}{% endif %}.</p></td></tr>`),
	},
	{
		key: "announcement",
		name: "Announcement",
		description: "One big message, one image slot and one call to action.",
		subject: "Introducing something new from {{ workspace.name }}",
		preheader: "It's here, and you're among the first to know.",
		html: shell(`<tr><td style="padding:40px 32px 8px;${FONT}text-align:center;"><p style="margin:0 0 8px;font-size:13px;letter-spacing:1px;text-transform:uppercase;color:#0f9d76;font-weight:bold;">New</p>
<h1 style="margin:0 0 14px;font-size:30px;line-height:36px;color:#1c1c28;">Say hello to the big news</h1>
<p style="margin:0 auto 24px;max-width:460px;font-size:16px;line-height:24px;color:#3c3c4a;">{{ contact.first_name | default: "Hi" }}, tell readers what changed and why it matters to them, in two sentences.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" align="center"><tr><td style="border-radius:6px;background:#0f9d76;"><a href="https://example.com/launch" style="display:inline-block;padding:14px 28px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">See what's new</a></td></tr></table>
</td></tr>
<tr><td style="padding:28px 32px 36px;${FONT}text-align:center;font-size:14px;line-height:21px;color:#6b6b7b;">Questions? Just reply to this email.</td></tr>`),
	},
	{
		key: "plain",
		name: "Plain letter",
		description: "A personal note that reads like a real email.",
		subject: "A quick note, {{ contact.first_name | default: 'friend' }}",
		preheader: "",
		html: shell(`<tr><td style="padding:32px;${FONT}font-size:16px;line-height:25px;color:#1c1c28;">
<p style="margin:0 0 16px;">Hi {{ contact.first_name | default: "there" }},</p>
<p style="margin:0 0 16px;">Write the way you would to a colleague: one idea, a few short paragraphs, and a single link if you need one, like <a href="https://example.com" style="color:#2563eb;">this</a>.</p>
<p style="margin:0 0 16px;">Thanks for reading,</p>
<p style="margin:0;">The {{ workspace.name }} team</p>
</td></tr>`),
	},
];
