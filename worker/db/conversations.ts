import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { assistantConversations, assistantMessages } from "./schema-assistant";

export type ConversationRow = typeof assistantConversations.$inferSelect;
export type ConversationSummary = Pick<ConversationRow, "id" | "title" | "createdAt" | "updatedAt">;
export type AssistantMessageRow = typeof assistantMessages.$inferSelect;
type Owner = { workspaceId: string; ownerId: string };

const summary = {
	id: assistantConversations.id,
	title: assistantConversations.title,
	createdAt: assistantConversations.createdAt,
	updatedAt: assistantConversations.updatedAt,
};
const ownedBy = (owner: Owner) =>
	and(eq(assistantConversations.workspaceId, owner.workspaceId), eq(assistantConversations.ownerId, owner.ownerId));

export async function findOwnedConversation(
	db: Db,
	owner: Owner,
	id: string,
): Promise<ConversationSummary | undefined> {
	const [row] = await db
		.select(summary)
		.from(assistantConversations)
		.where(and(eq(assistantConversations.id, id), ownedBy(owner)))
		.limit(1);
	return row;
}

/** The owner's conversations, newest first, ids below `beforeId`. */
export function conversationPage(
	db: Db,
	owner: Owner,
	beforeId: string,
	limit: number,
): Promise<ConversationSummary[]> {
	return db
		.select(summary)
		.from(assistantConversations)
		.where(and(ownedBy(owner), lt(assistantConversations.id, beforeId)))
		.orderBy(desc(assistantConversations.id))
		.limit(limit);
}

export async function insertConversation(db: Db, row: typeof assistantConversations.$inferInsert): Promise<void> {
	await db.insert(assistantConversations).values(row);
}

/** The newest `limit` messages, oldest first. */
export async function newestMessages(db: Db, conversationId: string, limit: number) {
	const rows = await db
		.select({ messageId: assistantMessages.messageId, role: assistantMessages.role, parts: assistantMessages.parts })
		.from(assistantMessages)
		.where(eq(assistantMessages.conversationId, conversationId))
		.orderBy(desc(assistantMessages.position))
		.limit(limit);
	return rows.reverse();
}

export async function deleteConversationRows(db: Db, id: string): Promise<void> {
	await db.batch([
		db.delete(assistantMessages).where(eq(assistantMessages.conversationId, id)),
		db.delete(assistantConversations).where(eq(assistantConversations.id, id)),
	]);
}

/**
 * Appends a message at the end of the conversation (its position is computed in the same statement,
 * so two writers never collide) and touches the conversation; `title` replaces the default title only.
 */
export async function appendMessageRow(
	db: Db,
	message: Pick<AssistantMessageRow, "messageId" | "conversationId" | "role" | "parts" | "createdAt">,
	title: { untitled: string; next: string } | null,
): Promise<void> {
	const m = assistantMessages;
	await db.batch([
		db.insert(m).select(
			db
				.select({
					messageId: sql<string>`${message.messageId}`.as("message_id"),
					conversationId: sql<string>`${message.conversationId}`.as("conversation_id"),
					position: sql<number>`coalesce(max(${m.position}), -1) + 1`.as("position"),
					role: sql<AssistantMessageRow["role"]>`${message.role}`.as("role"),
					parts: sql<string>`${message.parts}`.as("parts"),
					createdAt: sql<number>`${message.createdAt.getTime()}`.as("created_at"),
				})
				.from(m)
				.where(eq(m.conversationId, message.conversationId)),
		),
		db
			.update(assistantConversations)
			.set({
				updatedAt: message.createdAt,
				title: title
					? sql`CASE WHEN ${assistantConversations.title} = ${title.untitled} THEN ${title.next} ELSE ${assistantConversations.title} END`
					: undefined,
			})
			.where(eq(assistantConversations.id, message.conversationId)),
	]);
}
