import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });
const campaignId = () =>
	text("campaign_id")
		.notNull()
		.references(() => campaigns.id, { onDelete: "cascade" });

/** Free labels on campaigns (bulk "tag", search by tag). */
export const campaignTags = sqliteTable(
	"campaign_tags",
	{ workspaceId: workspaceId(), campaignId: campaignId(), tag: text("tag").notNull() },
	(t) => [
		primaryKey({ columns: [t.campaignId, t.tag] }),
		index("campaign_tags_workspace_tag").on(t.workspaceId, t.tag),
	],
);

/** Campaigns put away from the everyday lists (a finished or cancelled campaign, or a draft). */
export const campaignArchive = sqliteTable("campaign_archive", {
	campaignId: campaignId().primaryKey(),
	workspaceId: workspaceId(),
	archivedAt: timestamp("archived_at").notNull().default(now),
});

/** A member's named search (the query string of `GET /search`). */
export const savedSearches = sqliteTable(
	"saved_searches",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		userId: text("user_id").notNull(),
		name: text("name").notNull(),
		query: text("query", { mode: "json" }).$type<Record<string, string>>().notNull(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [index("saved_searches_member").on(t.workspaceId, t.userId, t.id)],
);

/** A task on one of a campaign's milestones (content due, review due, test send, send). */
export const campaignTasks = sqliteTable(
	"campaign_tasks",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		campaignId: campaignId(),
		milestone: text("milestone").notNull(),
		title: text("title").notNull(),
		assigneeId: text("assignee_id"),
		dueAt: timestamp("due_at"),
		doneAt: timestamp("done_at"),
		/** When the cron last told someone this task is overdue (once per task). */
		overdueNotifiedAt: timestamp("overdue_notified_at"),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [
		index("campaign_tasks_campaign").on(t.campaignId, t.id),
		index("campaign_tasks_due").on(t.workspaceId, t.dueAt),
	],
);

/** Operations settings of a workspace: audit retention and alert rules. */
export const workspaceOpsSettings = sqliteTable("workspace_ops_settings", {
	workspaceId: workspaceId().primaryKey(),
	auditRetentionDays: integer("audit_retention_days"),
	alertRules: text("alert_rules", { mode: "json" }).$type<unknown[]>(),
	/** The last time each alert rule fired (rule id → ms), so a rule notifies once per hour at most. */
	alertsFiredAt: text("alerts_fired_at", { mode: "json" }).$type<Record<string, number>>(),
	updatedAt: timestamp("updated_at").notNull().default(now),
});
