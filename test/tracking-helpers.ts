import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { Webhook } from "svix";
import { call, ORIGIN, signupOwner } from "./client";
import { importCsv } from "./import-helpers";

/** A completed campaign to `size` contacts through the capture outbox, with its captured emails. */
export async function sentCampaign(
	size = 3,
	html = '<p>Hi</p><a href="https://shop.example/a?x=1&amp;y=2#top">A</a> <a href="https://shop.example/b">B</a>',
) {
	const owner = await signupOwner("Tracking Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "3 Track Ln", default_from_email: "t@track.example" },
		{ cookie },
	);
	const rows = Array.from({ length: size }, (_, i) => `p${i}@track.example`);
	await importCsv(cookie, `email\n${rows.join("\n")}\n`);
	const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html }, { cookie });
	const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, { cookie });
	const id = campaign.json.id as string;
	await sendAndComplete(cookie, id);
	// As if sent an hour ago: opens and clicks right after delivery are (rightly) treated as machines.
	await env.DB.prepare("UPDATE messages SET sent_at = sent_at - 3600000 WHERE campaign_id = ?").bind(id).run();
	const outbox = await call("GET", `/api/v1/outbox?campaign_id=${id}`, undefined, { cookie });
	const emails = outbox.json.data as {
		to: string;
		html: string;
		headers: Record<string, string>;
		message_id: string;
	}[];
	return { ...owner, campaignId: id, emails };
}

export async function stats(cookie: string, id: string) {
	return (await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie })).json;
}

/**
 * Sends a campaign as its Send button does and waits until it completes. The campaign object's fan-out ticks
 * (its alarm, a second apart) are run at once, as if that second had passed; the SENDS queue delivers as usual.
 */
export async function sendAndComplete(cookie: string, id: string) {
	const sent = await call("POST", `/api/v1/campaigns/${id}/send`, undefined, { cookie });
	if (sent.status !== 202) throw new Error(`send failed: ${sent.status} ${sent.text}`);
	const campaign = env.CAMPAIGN.getByName(id);
	for (let i = 0; i < 100 && (await campaign.getState())?.fanoutDone === false; i++)
		await runDurableObjectAlarm(campaign);
	return waitUntil("the campaign to complete", async () => {
		const now = await stats(cookie, id);
		return now.status === "completed" ? now : null;
	});
}

export const pathsIn = (html: string, kind: "o" | "c") =>
	[...html.matchAll(new RegExp(`${ORIGIN}(/t/${kind}/[\\w-]+)`, "g"))].map((m) => m[1] ?? "");

export const unsubscribePath = (headers: Record<string, string>) =>
	/<http:\/\/pulse\.test(\/u\/[\w-]+)>/.exec(headers["List-Unsubscribe"] ?? "")?.[1] ?? "";

/** A recipient's request: no cookies, whatever agent and address the test needs. */
export function hit(
	path: string,
	init: { method?: string; agent?: string; ip?: string; body?: string; contentType?: string } = {},
) {
	const headers: Record<string, string> = {
		"user-agent": init.agent ?? "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/126 Safari/537.36",
		"cf-connecting-ip": init.ip ?? "198.51.100.20",
	};
	if (init.contentType) headers["content-type"] = init.contentType;
	return exports.default.fetch(`${ORIGIN}${path}`, {
		method: init.method ?? "GET",
		headers,
		body: init.body,
		redirect: "manual",
	});
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | false | null>, timeoutMs = 15_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}

export const WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** Signs like Resend does, with the official svix package. */
export function signedWebhook(id: string, payload: unknown, at = new Date()) {
	const body = JSON.stringify(payload);
	const signature = new Webhook(WEBHOOK_SECRET).sign(id, at, body);
	return {
		body,
		headers: {
			"svix-id": id,
			"svix-timestamp": String(Math.floor(at.getTime() / 1000)),
			"svix-signature": signature,
			"content-type": "application/json",
		},
	};
}

export async function postWebhook(request: { body: string; headers: Record<string, string> }) {
	const res = await exports.default.fetch(`${ORIGIN}/webhooks/resend`, {
		method: "POST",
		headers: request.headers,
		body: request.body,
	});
	return { status: res.status, json: (await res.json()) as { ok?: boolean; applied?: boolean; reason?: string } };
}

export async function providerIdOf(campaignId: string, email: string) {
	const row = await env.DB.prepare("SELECT provider_id FROM messages WHERE campaign_id = ? AND email = ?")
		.bind(campaignId, email)
		.first<{ provider_id: string }>();
	return row?.provider_id ?? "";
}

export const resendEvent = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
	type,
	created_at: new Date().toISOString(),
	data: { email_id: emailId, ...extra },
});
