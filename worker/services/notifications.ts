import type { Principal } from "../context";
import type { NotificationPreferences } from "../contracts/notifications";
import { createDb, type Db } from "../db/client";
import {
	markRead,
	membershipIdOf,
	notificationsOf,
	savePreferences,
	saveSlackWebhook,
	slackWebhookOf,
	storedPreferences,
	unreadCounts,
} from "../db/notifications";
import { effectivePreferences } from "../domain/notifications/preferences";
import { ApiError } from "../errors";
import { recordAudit } from "./audit";
import { presentNotification } from "./notify";

/** The caller's membership id; API keys are no member (null). */
export async function memberIdOf(db: Db, principal: Principal): Promise<string | null> {
	return principal.kind === "session" ? membershipIdOf(db, principal.workspaceId, principal.userId) : null;
}

async function requireMember(db: Db, principal: Principal): Promise<string> {
	const id = await memberIdOf(db, principal);
	if (!id) throw new ApiError("forbidden", "Notifications belong to members: sign in instead of using an API key");
	return id;
}

/** The caller's newest 50 notifications and how many are unread (an API key has none). */
export async function listNotifications(db: Db, principal: Principal) {
	const memberId = await memberIdOf(db, principal);
	if (!memberId) return { data: [], unread: 0 };
	const [rows, unread] = await Promise.all([
		notificationsOf(db, principal.workspaceId, memberId, 50),
		unreadCounts(db, [memberId]),
	]);
	return { data: rows.map(presentNotification), unread: unread.get(memberId) ?? 0 };
}

/** Marks the caller's notifications read (these ids, or all); other tabs hear the new count. */
export async function readNotifications(env: Env, principal: Principal, ids: string[] | undefined) {
	const db = createDb(env.DB);
	const memberId = await memberIdOf(db, principal);
	if (!memberId) return { unread: 0 };
	await markRead(db, principal.workspaceId, memberId, ids, new Date());
	const unread = (await unreadCounts(db, [memberId])).get(memberId) ?? 0;
	await env.NOTIFICATIONS.getByName(principal.workspaceId)
		.unread(memberId, unread)
		.catch(() => undefined);
	return { unread };
}

export async function getPreferences(db: Db, principal: Principal): Promise<NotificationPreferences> {
	const memberId = await requireMember(db, principal);
	const [row] = await storedPreferences(db, [memberId]);
	return effectivePreferences(row?.preferences);
}

export async function putPreferences(
	db: Db,
	principal: Principal,
	input: { kinds?: Partial<NotificationPreferences["kinds"]>; daily_digest?: boolean },
) {
	const memberId = await requireMember(db, principal);
	const [row] = await storedPreferences(db, [memberId]);
	const current = effectivePreferences(row?.preferences);
	const next = effectivePreferences({
		kinds: { ...current.kinds, ...(input.kinds ?? {}) },
		daily_digest: input.daily_digest ?? current.daily_digest,
	});
	await savePreferences(db, principal.workspaceId, memberId, next);
	return next;
}

export async function getNotificationSettings(db: Db, workspaceId: string) {
	return { slack_webhook_url: await slackWebhookOf(db, workspaceId) };
}

export async function putNotificationSettings(
	db: Db,
	principal: Principal,
	input: { slack_webhook_url: string | null },
	ip: string | null,
) {
	await saveSlackWebhook(db, principal.workspaceId, input.slack_webhook_url);
	await recordAudit(db, {
		workspaceId: principal.workspaceId,
		action: "workspace.notification_settings",
		actor: principal,
		ip,
		metadata: { slack: input.slack_webhook_url ? "set" : "removed" },
	});
	return getNotificationSettings(db, principal.workspaceId);
}

/** Opens the caller's notification socket on the workspace's object (the first frame carries the unread count). */
export async function openNotificationSocket(env: Env, principal: Principal) {
	const db = createDb(env.DB);
	const memberId = await requireMember(db, principal);
	const unread = (await unreadCounts(db, [memberId])).get(memberId) ?? 0;
	const url = `https://notifications.internal/live?member=${encodeURIComponent(memberId)}&unread=${unread}`;
	return env.NOTIFICATIONS.getByName(principal.workspaceId).fetch(
		new Request(url, { headers: { upgrade: "websocket" } }),
	);
}
