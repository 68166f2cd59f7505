import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { type Erasure, mentions } from "./erase";
import { auditLog } from "./schema";
import { approvalDecisions, comments } from "./schema-approvals";
import { assistantConversations, assistantMessages } from "./schema-assistant";
import { segments, trackingEvents } from "./schema-contacts";
import { notifications } from "./schema-notifications";
import { campaignTasks } from "./schema-ops";

/** Free text that may quote the address anywhere inside it (JSON, URLs, chat messages, notes). */
export type TextColumn = {
	table: SQLiteTable;
	column: SQLiteColumn;
	scope: SQL;
	/** The update that stores the redacted text back in the row. */
	rewrite: (rowid: number, text: string) => BatchItem<"sqlite">;
};

const byRowid = (rowid: number) => sql`rowid = ${rowid}`;
/** JSON columns take the redacted text as it is, not re-encoded as a JSON string. */
const raw = (text: string) => sql`${text}`;

/** A free-text column of `table`, stored back under its property `key` (as `store` makes the text). */
function textColumn(
	db: Db,
	table: SQLiteTable,
	key: string,
	scope: SQL,
	store: (text: string) => unknown = (text) => text,
): TextColumn {
	return {
		table,
		column: (table as unknown as Record<string, SQLiteColumn>)[key] as SQLiteColumn,
		scope,
		rewrite: (rowid, text) =>
			db
				.update(table)
				.set({ [key]: store(text) } as never)
				.where(byRowid(rowid)),
	};
}

function textColumns(db: Db, e: Erasure): TextColumn[] {
	const conversations = db
		.select({ id: assistantConversations.id })
		.from(assistantConversations)
		.where(eq(assistantConversations.workspaceId, e.workspaceId));
	const ofWorkspace = (column: SQLiteColumn) => eq(column, e.workspaceId);
	return [
		textColumn(
			db,
			trackingEvents,
			"url",
			and(eq(trackingEvents.workspaceId, e.workspaceId), eq(trackingEvents.contactId, e.contactId)) as SQL,
		),
		textColumn(db, assistantMessages, "parts", inArray(assistantMessages.conversationId, conversations)),
		textColumn(db, assistantConversations, "title", ofWorkspace(assistantConversations.workspaceId)),
		textColumn(db, auditLog, "metadata", ofWorkspace(auditLog.workspaceId), raw),
		textColumn(db, segments, "definition", ofWorkspace(segments.workspaceId), raw),
		// What the team wrote or was told: comments, review notes, notifications, task titles.
		textColumn(db, comments, "body", ofWorkspace(comments.workspaceId)),
		textColumn(db, approvalDecisions, "comment", ofWorkspace(approvalDecisions.workspaceId)),
		textColumn(db, notifications, "title", ofWorkspace(notifications.workspaceId)),
		textColumn(db, notifications, "body", ofWorkspace(notifications.workspaceId)),
		textColumn(db, campaignTasks, "title", ofWorkspace(campaignTasks.workspaceId)),
	];
}

export type Mention = { column: TextColumn; rowid: number; text: string };

/** Up to `limit` rows of each free-text column that quote the address, with their raw text. */
export async function findMentions(db: Db, e: Erasure, limit: number): Promise<Mention[]> {
	const found: Mention[] = [];
	for (const column of textColumns(db, e)) {
		const rows = await db
			.select({ rowid: sql<number>`${column.table}.rowid`, text: sql<string>`${column.column}` })
			.from(column.table)
			.where(and(column.scope, mentions(column.column, e.email)))
			.limit(limit);
		found.push(...rows.map((r) => ({ column, rowid: r.rowid, text: r.text })));
	}
	return found;
}
