import { and, count, desc, eq, isNull, lte } from "drizzle-orm";
import type { NotificationPreferences } from "../contracts/notifications";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { memberships } from "./schema";
import { imports } from "./schema-contacts";
import { notificationPreferences, notificationSettings, notifications } from "./schema-notifications";

export type NotificationRow = typeof notifications.$inferSelect;

/** D1 binds at most 100 parameters per statement: 9 rows of 10 values. */
const ROWS_PER_INSERT = 9;

/** Stores the notifications (one statement per 9 rows, all in one batch). */
export async function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]) {
	const [first, ...rest] = Array.from({ length: Math.ceil(rows.length / ROWS_PER_INSERT) }, (_, i) =>
		db.insert(notifications).values(rows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT)),
	);
	if (first) await db.batch([first, ...rest]);
}

/** A member's newest notifications. */
export function notificationsOf(db: Db, workspaceId: string, memberId: string, limit: number) {
	return db
		.select()
		.from(notifications)
		.where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.memberId, memberId)))
		.orderBy(desc(notifications.id))
		.limit(limit);
}

export async function unreadCounts(db: Db, memberIds: string[]): Promise<Map<string, number>> {
	if (memberIds.length === 0) return new Map();
	const rows = await db
		.select({ memberId: notifications.memberId, n: count() })
		.from(notifications)
		.where(and(inJson(notifications.memberId, memberIds), isNull(notifications.readAt)))
		.groupBy(notifications.memberId);
	return new Map(rows.map((r) => [r.memberId, r.n]));
}

/** Marks these (or all) of a member's notifications read. */
export async function markRead(db: Db, workspaceId: string, memberId: string, ids: string[] | undefined, at: Date) {
	const own = and(
		eq(notifications.workspaceId, workspaceId),
		eq(notifications.memberId, memberId),
		isNull(notifications.readAt),
	);
	await db
		.update(notifications)
		.set({ readAt: at })
		.where(ids ? and(own, inJson(notifications.id, ids)) : own);
}

/** The membership id of a user in a workspace (null: not a member). */
export async function membershipIdOf(db: Db, workspaceId: string, userId: string): Promise<string | null> {
	const row = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
		.get();
	return row?.id ?? null;
}

export async function storedPreferences(db: Db, memberIds: string[]) {
	if (memberIds.length === 0) return [];
	return db.select().from(notificationPreferences).where(inJson(notificationPreferences.memberId, memberIds));
}

export async function savePreferences(db: Db, workspaceId: string, memberId: string, prefs: NotificationPreferences) {
	await db
		.insert(notificationPreferences)
		.values({ memberId, workspaceId, preferences: prefs })
		.onConflictDoUpdate({ target: notificationPreferences.memberId, set: { preferences: prefs } });
}

/** Notifications waiting for a member's digest email (emailed kinds, not yet digested). */
export function undigested(db: Db, memberId: string, before: Date) {
	return db
		.select()
		.from(notifications)
		.where(
			and(eq(notifications.memberId, memberId), isNull(notifications.digestedAt), lte(notifications.createdAt, before)),
		)
		.orderBy(notifications.id)
		.limit(200);
}

export async function markDigested(db: Db, memberId: string, ids: string[], at: Date) {
	const stamp = db
		.update(notificationPreferences)
		.set({ lastDigestAt: at })
		.where(eq(notificationPreferences.memberId, memberId));
	if (ids.length === 0) return void (await stamp);
	await db.batch([stamp, db.update(notifications).set({ digestedAt: at }).where(inJson(notifications.id, ids))]);
}

/** Members who chose the daily digest. */
export function digestMembers(db: Db) {
	return db.select().from(notificationPreferences).limit(500);
}

export async function slackWebhookOf(db: Db, workspaceId: string): Promise<string | null> {
	const row = await db
		.select({ url: notificationSettings.slackWebhookUrl })
		.from(notificationSettings)
		.where(eq(notificationSettings.workspaceId, workspaceId))
		.get();
	return row?.url ?? null;
}

export async function saveSlackWebhook(db: Db, workspaceId: string, url: string | null) {
	await db
		.insert(notificationSettings)
		.values({ workspaceId, slackWebhookUrl: url })
		.onConflictDoUpdate({ target: notificationSettings.workspaceId, set: { slackWebhookUrl: url } });
}

/** The member who uploaded an import (null: an API key, or nobody known). */
export async function importUploaderMember(db: Db, workspaceId: string, importId: string): Promise<string | null> {
	const row = await db
		.select({ id: memberships.id })
		.from(imports)
		.innerJoin(memberships, and(eq(memberships.userId, imports.createdBy), eq(memberships.workspaceId, workspaceId)))
		.where(and(eq(imports.id, importId), eq(imports.workspaceId, workspaceId)))
		.get();
	return row?.id ?? null;
}
