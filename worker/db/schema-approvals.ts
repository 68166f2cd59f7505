import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { ApprovalPolicy, Decision } from "../contracts/approvals";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });

/** A workspace's approval policy (no row: no approvals). */
export const approvalPolicies = sqliteTable("approval_policies", {
	workspaceId: text("workspace_id")
		.primaryKey()
		.references(() => workspaces.id, { onDelete: "cascade" }),
	policy: text("policy", { mode: "json" }).$type<ApprovalPolicy>().notNull(),
	updatedAt: timestamp("updated_at").notNull().default(now),
});

/** A review asked for a campaign or journey: the newest per target is the one that counts. */
export const approvalRequests = sqliteTable(
	"approval_requests",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		targetType: text("target_type").$type<"campaign" | "journey">().notNull(),
		targetId: text("target_id").notNull(),
		versionHash: text("version_hash").notNull(),
		requestedBy: text("requested_by"),
		/** The stage index reminded/escalated for, so each stage is reminded and escalated once. */
		remindedStage: integer("reminded_stage"),
		escalatedStage: integer("escalated_stage"),
		/** When the awaiting stage started waiting (the request, or the previous stage's last approval). */
		stageSince: timestamp("stage_since").notNull(),
		open: integer("open", { mode: "boolean" }).notNull().default(true),
		/** Set when the awaiting stage went three SLAs without a decision: the review ended, a new one is needed. */
		expiredAt: timestamp("expired_at"),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [
		index("approval_requests_target").on(t.workspaceId, t.targetType, t.targetId, t.id),
		index("approval_requests_open").on(t.open, t.stageSince),
	],
);

export const approvalDecisions = sqliteTable(
	"approval_decisions",
	{
		id: text("id").primaryKey(),
		requestId: text("request_id").notNull(),
		workspaceId: workspaceId(),
		stage: integer("stage").notNull(),
		memberId: text("member_id").notNull(),
		decision: text("decision").$type<Decision>().notNull(),
		comment: text("comment"),
		versionHash: text("version_hash").notNull(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [index("approval_decisions_request").on(t.requestId, t.id)],
);

/** Threaded notes on a campaign or journey. */
export const comments = sqliteTable(
	"comments",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		targetType: text("target_type").$type<"campaign" | "journey">().notNull(),
		targetId: text("target_id").notNull(),
		parentId: text("parent_id"),
		memberId: text("member_id"),
		author: text("author").notNull(),
		body: text("body").notNull(),
		mentions: text("mentions", { mode: "json" }).$type<string[]>().notNull(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [index("comments_target").on(t.workspaceId, t.targetType, t.targetId, t.id)],
);
