import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * An assistant conversation belongs to one caller in one workspace: a user (session) or an API key,
 * so nobody reads another member's chats.
 */
export const assistantConversations = sqliteTable(
	"assistant_conversations",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		ownerId: text("owner_id").notNull(),
		title: text("title").notNull(),
		createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
	},
	(t) => [index("assistant_conversations_owner").on(t.workspaceId, t.ownerId, t.updatedAt)],
);

/** Messages in the `ai` SDK's UIMessage shape (`parts` as JSON), in the order they were said. */
export const assistantMessages = sqliteTable(
	"assistant_messages",
	{
		/** The UIMessage id (chosen by the client for user messages, so unique only within its conversation). */
		messageId: text("message_id").notNull(),
		conversationId: text("conversation_id")
			.notNull()
			.references(() => assistantConversations.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		role: text("role", { enum: ["user", "assistant", "system"] }).notNull(),
		parts: text("parts").notNull(),
		createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
	},
	(t) => [primaryKey({ columns: [t.conversationId, t.position] })],
);
