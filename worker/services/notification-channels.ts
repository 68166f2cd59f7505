import { createDb } from "../db/client";
import { slackWebhookOf } from "../db/notifications";
import { fallbackSender } from "../domain/invitation-email";
import { type NotificationContent, notificationEmail, slackPayload } from "../domain/notifications/messages";
import { providerOutsideQueue } from "../queue/sends-consumer";
import { checkedFrom } from "./sending-domains";
import { sendOutsideQueue } from "./test-send";
import { getWorkspace } from "./workspace";

const baseUrlOf = (env: Env) => env.APP_URL || "http://localhost:8787";

/**
 * Emails notifications (one each, or a digest of several to one member) through the one path for emails
 * outside campaigns: the workspace's provider and its gate, the Outbox in test mode. Failures are logged.
 */
export async function emailNotifications(
	env: Env,
	workspaceId: string,
	to: { email: string; id: string }[],
	items: { title: string; body: string; link?: string | null }[],
) {
	if (to.length === 0 || items.length === 0) return;
	try {
		const db = createDb(env.DB);
		const workspace = await getWorkspace(db, workspaceId);
		const base = baseUrlOf(env);
		const from = await checkedFrom(
			env.DB,
			workspaceId,
			workspace.defaultFromName || workspace.name,
			workspace.defaultFromEmail || fallbackSender(base),
			"default_from_email",
		);
		const content = await notificationEmail(
			workspace.name,
			items.map((i): NotificationContent => ({ title: i.title, body: i.body, link: i.link ?? null })),
			base,
		);
		const provider = await providerOutsideQueue(env, workspaceId);
		const emails = to.map((r) => ({
			messageId: `msg_${r.id}`,
			workspaceId,
			campaignId: null,
			to: r.email,
			from,
			replyTo: null,
			...content,
			headers: {},
		}));
		await sendOutsideQueue(provider, emails, `notify_${to[0]?.id}`, "the notification");
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `notification email: ${String(error)}` }));
	}
}

/** One post to the workspace's Slack incoming webhook, when it has one (https://hooks.slack.com/ only). */
export async function postToSlack(
	env: Env,
	workspaceId: string,
	item: { title: string; body: string; link?: string | null },
) {
	try {
		const db = createDb(env.DB);
		const url = await slackWebhookOf(db, workspaceId);
		if (!url?.startsWith("https://hooks.slack.com/")) return;
		const workspace = await getWorkspace(db, workspaceId);
		const payload = slackPayload(
			workspace.name,
			{ title: item.title, body: item.body, link: item.link ?? null },
			baseUrlOf(env),
		);
		const res = await fetch(url, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify(payload),
			signal: AbortSignal.timeout(5_000),
		});
		if (!res.ok) console.error(JSON.stringify({ workspaceId, error: `slack webhook answered ${res.status}` }));
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `slack webhook: ${String(error)}` }));
	}
}
