import type { UIMessage } from "ai";
import type { Principal } from "../context";
import { newId } from "../domain/ids";
import { notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";

type ConversationRow = { id: string; title: string; created_at: number; updated_at: number };

const NEW_TITLE = "New conversation";
const TITLE_CHARS = 80;
/** The most a conversation shows, and the most the model is given (the newest messages). */
const SHOWN_MESSAGES = 200;

/** Conversations are private to who started them: a user, or an API key. */
export const ownerOf = (p: Principal) => (p.kind === "session" ? p.userId : p.apiKeyId);

const present = (r: ConversationRow) => ({
	id: r.id,
	title: r.title,
	created_at: new Date(r.created_at).toISOString(),
	updated_at: new Date(r.updated_at).toISOString(),
});

async function findConversation(d1: D1Database, principal: Principal, id: string) {
	const row = await d1
		.prepare(
			"SELECT id, title, created_at, updated_at FROM assistant_conversations WHERE id = ? AND workspace_id = ? AND owner_id = ?",
		)
		.bind(id, principal.workspaceId, ownerOf(principal))
		.first<ConversationRow>();
	if (!row) throw notFound("Conversation");
	return row;
}

export async function createConversation(d1: D1Database, principal: Principal, title = NEW_TITLE) {
	const id = newId("cnv");
	const now = Date.now();
	await d1
		.prepare(
			"INSERT INTO assistant_conversations (id, workspace_id, owner_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
		)
		.bind(id, principal.workspaceId, ownerOf(principal), title, now, now)
		.run();
	return present({ id, title, created_at: now, updated_at: now });
}

export async function listConversations(
	d1: D1Database,
	principal: Principal,
	page: { limit: number; cursor?: string },
) {
	const { results } = await d1
		.prepare(
			"SELECT id, title, created_at, updated_at FROM assistant_conversations WHERE workspace_id = ? AND owner_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
		)
		.bind(principal.workspaceId, ownerOf(principal), startAfter(page, "desc"), page.limit + 1)
		.all<ConversationRow>();
	return pageOf(results, page, present);
}

/** The newest messages of a conversation, oldest first. */
export async function loadMessages(d1: D1Database, conversationId: string, limit = SHOWN_MESSAGES) {
	const { results } = await d1
		.prepare(
			"SELECT message_id, role, parts FROM (SELECT * FROM assistant_messages WHERE conversation_id = ? ORDER BY position DESC LIMIT ?) ORDER BY position",
		)
		.bind(conversationId, limit)
		.all<{ message_id: string; role: UIMessage["role"]; parts: string }>();
	return results.map((r) => ({ id: r.message_id, role: r.role, parts: JSON.parse(r.parts) }) as UIMessage);
}

export async function getConversation(d1: D1Database, principal: Principal, id: string) {
	const row = await findConversation(d1, principal, id);
	return { ...present(row), messages: await loadMessages(d1, row.id) };
}

/** Checks the caller owns the conversation; answers its id. */
export async function requireConversation(d1: D1Database, principal: Principal, id: string) {
	return (await findConversation(d1, principal, id)).id;
}

export async function deleteConversation(d1: D1Database, principal: Principal, id: string) {
	await findConversation(d1, principal, id);
	await d1.batch([
		d1.prepare("DELETE FROM assistant_messages WHERE conversation_id = ?").bind(id),
		d1.prepare("DELETE FROM assistant_conversations WHERE id = ?").bind(id),
	]);
}

const titleFrom = (message: UIMessage) => {
	const text = message.parts
		.map((p) => (p.type === "text" ? p.text : ""))
		.join(" ")
		.replace(/\s+/g, " ")
		.trim();
	return text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1)}…` : text || NEW_TITLE;
};

/**
 * Appends a message at the end of the conversation (its position is computed in the same statement,
 * so two writers never collide) and names an untitled conversation after its first user message.
 */
export async function appendMessage(d1: D1Database, conversationId: string, message: UIMessage) {
	const now = Date.now();
	await d1.batch([
		d1
			.prepare(
				`INSERT INTO assistant_messages (message_id, conversation_id, position, role, parts, created_at)
				 SELECT ?, ?, coalesce(max(position), -1) + 1, ?, ?, ? FROM assistant_messages WHERE conversation_id = ?`,
			)
			.bind(message.id, conversationId, message.role, JSON.stringify(message.parts), now, conversationId),
		d1
			.prepare(
				"UPDATE assistant_conversations SET updated_at = ?, title = CASE WHEN title = ? AND ? = 'user' THEN ? ELSE title END WHERE id = ?",
			)
			.bind(now, NEW_TITLE, message.role, titleFrom(message), conversationId),
	]);
}
