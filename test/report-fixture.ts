import { env } from "cloudflare:workers";
import { call, signupOwner } from "./client";
import { importCsv } from "./import-helpers";
import { hit, pathsIn, stats, unsubscribePath, waitUntil } from "./tracking-helpers";

/** Recipients of the report fixture; `=1+2` and `-2` start like spreadsheet formulas. */
export const REPORT_RECIPIENTS = [
	"ann@report.example",
	"bob@report.example",
	"cy@report.example",
	"dee@report.example",
	"=1+2@report.example",
	"-2@report.example",
];

/**
 * A completed campaign "Spring" with known engagement: ann opened and clicked (a person), bob's only open is an
 * Apple privacy prefetch (machine), cy opened, dee unsubscribed; ann also has a custom event.
 */
export async function reportFixture() {
	const owner = await signupOwner("Report Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "4 Report Rd", default_from_email: "r@report.example" },
		{ cookie },
	);
	await importCsv(cookie, `email\n${REPORT_RECIPIENTS.join("\n")}\n`);
	const html = '<p>Hi</p><a href="https://shop.example/a">A</a>';
	const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html }, { cookie });
	const campaign = await call(
		"POST",
		"/api/v1/campaigns",
		{ name: "Spring", template_id: template.json.id },
		{ cookie },
	);
	const campaignId = campaign.json.id as string;
	await call("POST", `/api/v1/campaigns/${campaignId}/send`, undefined, { cookie });
	await waitUntil("the send", async () => (await stats(cookie, campaignId)).status === "completed");
	// As if sent an hour ago: opens and clicks right after delivery are (rightly) treated as machines.
	await env.DB.prepare("UPDATE messages SET sent_at = sent_at - 3600000 WHERE campaign_id = ?").bind(campaignId).run();
	const outbox = await call("GET", `/api/v1/outbox?campaign_id=${campaignId}`, undefined, { cookie });
	const emails = outbox.json.data as { to: string; html: string; headers: Record<string, string> }[];
	const to = (address: string) => {
		const email = emails.find((e) => e.to.includes(address));
		if (!email) throw new Error(`no email to ${address}`);
		return email;
	};
	await hit(pathsIn(to("ann@").html, "o")[0] ?? "");
	await hit(pathsIn(to("ann@").html, "c")[0] ?? "");
	await hit(pathsIn(to("bob@").html, "o")[0] ?? "", { agent: "Mozilla/5.0", ip: "17.58.1.2" });
	await hit(pathsIn(to("cy@").html, "o")[0] ?? "", { ip: "198.51.100.31" });
	await hit(unsubscribePath(to("dee@").headers), {
		method: "POST",
		body: "List-Unsubscribe=One-Click",
		contentType: "application/x-www-form-urlencoded",
	});
	await call(
		"POST",
		"/api/v1/events",
		{ email: "ann@report.example", name: "purchase", properties: { sku: "A1" } },
		{
			cookie,
		},
	);
	await waitUntil("the engagement in the numbers", async () => {
		const s = await stats(cookie, campaignId);
		return s.unique_opens === 2 && s.machine_opens === 1 && s.unique_clicks === 1 && s.unsubscribed === 1;
	});
	const contacts = await call("GET", "/api/v1/contacts?limit=50", undefined, { cookie });
	const contactId = (email: string) =>
		(contacts.json.data as { id: string; email: string }[]).find((c) => c.email === email)?.id ?? "";
	return { ...owner, campaignId, templateId: template.json.id as string, contactId };
}
