import type { Role } from "../contracts/common";
import type { Notification, NotificationKind } from "../contracts/notifications";
import { createDb, type Db } from "../db/client";
import { listActiveMembers } from "../db/members";
import { insertNotifications, type NotificationRow, storedPreferences, unreadCounts } from "../db/notifications";
import { newId } from "../domain/ids";
import { deliveryFor, effectivePreferences } from "../domain/notifications/preferences";
import { emailNotifications, postToSlack } from "./notification-channels";

export type NotificationMessage = { kind: NotificationKind; title: string; body: string; link?: string | null };
/** Member ids, or every member holding one of these roles (`atLeast`: that role or above). */
export type Recipients = string[] | { roles: Role[] } | { atLeast: Role };

export const presentNotification = (r: NotificationRow): Notification => ({
	id: r.id,
	kind: r.kind,
	title: r.title,
	body: r.body,
	link: r.link,
	read_at: r.readAt?.toISOString() ?? null,
	created_at: r.createdAt.toISOString(),
});

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

async function resolve(db: Db, workspaceId: string, to: Recipients, exclude: string[]) {
	const members = await listActiveMembers(db, workspaceId);
	const wanted = (m: { id: string; role: Role }) =>
		Array.isArray(to)
			? to.includes(m.id)
			: "roles" in to
				? to.roles.includes(m.role)
				: RANK[m.role] >= RANK[to.atLeast];
	return members.filter((m) => wanted(m) && !exclude.includes(m.id));
}

/**
 * Tells members something happened: one in-app notification each (pushed live to their open tabs), an
 * email for those who chose it for this kind (or a line in their daily digest), and one post to the
 * workspace's Slack webhook. Never throws: a notification that cannot go is logged, the caller's work stands.
 */
export async function notify(
	env: Env,
	workspaceId: string,
	to: Recipients,
	message: NotificationMessage,
	options: { exclude?: string[] } = {},
): Promise<string[]> {
	try {
		const db = createDb(env.DB);
		const members = await resolve(db, workspaceId, to, options.exclude ?? []);
		const prefs = new Map(
			(
				await storedPreferences(
					db,
					members.map((m) => m.id),
				)
			).map((p) => [p.memberId, effectivePreferences(p.preferences)]),
		);
		const now = new Date();
		const rows: NotificationRow[] = [];
		const emailTo: { email: string; id: string }[] = [];
		for (const m of members) {
			const delivery = deliveryFor(prefs.get(m.id) ?? effectivePreferences(null), message.kind);
			if (!delivery.inApp) continue;
			const row = {
				id: newId("ntf"),
				workspaceId,
				memberId: m.id,
				kind: message.kind,
				title: message.title,
				body: message.body,
				link: message.link ?? null,
				readAt: null,
				// Emailed now, or never by email: the digest skips it.
				digestedAt: delivery.digest ? null : now,
				createdAt: now,
			};
			rows.push(row);
			if (delivery.emailNow) emailTo.push({ email: m.email, id: row.id });
		}
		await insertNotifications(db, rows);
		await Promise.all([
			pushLive(env, db, workspaceId, rows),
			emailNotifications(env, workspaceId, emailTo, [message]),
			message.kind === "mentioned" ? null : postToSlack(env, workspaceId, message),
		]);
		return rows.map((r) => r.memberId);
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `notify ${message.kind}: ${String(error)}` }));
		return [];
	}
}

async function pushLive(env: Env, db: Db, workspaceId: string, rows: NotificationRow[]) {
	if (rows.length === 0) return;
	try {
		const unread = await unreadCounts(
			db,
			rows.map((r) => r.memberId),
		);
		await env.NOTIFICATIONS.getByName(workspaceId).push(
			rows.map((r) => ({
				memberId: r.memberId,
				message: { type: "notification", notification: presentNotification(r), unread: unread.get(r.memberId) ?? 0 },
			})),
		);
	} catch (error) {
		// The rows are stored: open tabs see them on their next read.
		console.error(JSON.stringify({ workspaceId, error: `notification push: ${String(error)}` }));
	}
}
