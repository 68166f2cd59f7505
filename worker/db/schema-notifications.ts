import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { NotificationKind, NotificationPreferences } from "../contracts/notifications";
import { memberships, workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** One member's in-app notification. */
export const notifications = sqliteTable(
	"notifications",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		memberId: text("member_id")
			.notNull()
			.references(() => memberships.id, { onDelete: "cascade" }),
		kind: text("kind").$type<NotificationKind>().notNull(),
		title: text("title").notNull(),
		body: text("body").notNull(),
		link: text("link"),
		readAt: timestamp("read_at"),
		/** Set once the notification went out in a daily digest email. */
		digestedAt: timestamp("digested_at"),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [
		index("notifications_member").on(t.memberId, t.id),
		index("notifications_member_unread").on(t.memberId, t.readAt),
	],
);

/** A member's channels per kind and digest choice (no row: the defaults). */
export const notificationPreferences = sqliteTable("notification_preferences", {
	memberId: text("member_id")
		.primaryKey()
		.references(() => memberships.id, { onDelete: "cascade" }),
	workspaceId: text("workspace_id").notNull(),
	preferences: text("preferences", { mode: "json" }).$type<NotificationPreferences>().notNull(),
	lastDigestAt: timestamp("last_digest_at"),
});

/** Workspace-wide notification settings: the Slack incoming webhook. */
export const notificationSettings = sqliteTable("notification_settings", {
	workspaceId: text("workspace_id")
		.primaryKey()
		.references(() => workspaces.id, { onDelete: "cascade" }),
	slackWebhookUrl: text("slack_webhook_url"),
});
