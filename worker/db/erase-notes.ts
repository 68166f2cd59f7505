import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import type { Erasure, TextColumn } from "./erase";
import { approvalDecisions, comments } from "./schema-approvals";
import { notifications } from "./schema-notifications";
import { campaignTasks } from "./schema-ops";

const byRowid = (rowid: number) => sql`rowid = ${rowid}`;

/** What the team wrote or was told that may quote the address: comments, review notes, notifications, task titles. */
export function noteColumns(db: Db, e: Erasure): TextColumn[] {
	return [
		{
			table: comments,
			column: comments.body,
			scope: eq(comments.workspaceId, e.workspaceId),
			rewrite: (rowid, text) => db.update(comments).set({ body: text }).where(byRowid(rowid)),
		},
		{
			table: approvalDecisions,
			column: approvalDecisions.comment,
			scope: eq(approvalDecisions.workspaceId, e.workspaceId),
			rewrite: (rowid, text) => db.update(approvalDecisions).set({ comment: text }).where(byRowid(rowid)),
		},
		{
			table: notifications,
			column: notifications.title,
			scope: eq(notifications.workspaceId, e.workspaceId),
			rewrite: (rowid, text) => db.update(notifications).set({ title: text }).where(byRowid(rowid)),
		},
		{
			table: notifications,
			column: notifications.body,
			scope: eq(notifications.workspaceId, e.workspaceId),
			rewrite: (rowid, text) => db.update(notifications).set({ body: text }).where(byRowid(rowid)),
		},
		{
			table: campaignTasks,
			column: campaignTasks.title,
			scope: eq(campaignTasks.workspaceId, e.workspaceId),
			rewrite: (rowid, text) => db.update(campaignTasks).set({ title: text }).where(byRowid(rowid)),
		},
	];
}
