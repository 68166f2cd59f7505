import type { UIMessage } from "ai";
import type { Principal } from "../context";
import { createDb } from "../db/client";
import {
	appendMessageRow,
	type ConversationSummary,
	conversationPage,
	deleteConversationRows,
	findOwnedConversation,
	insertConversation,
	newestMessages,
} from "../db/conversations";
import { newId } from "../domain/ids";
import { notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";

const NEW_TITLE = "New conversation";
const TITLE_CHARS = 80;
/** The most a conversation shows, and the most the model is given (the newest messages). */
const SHOWN_MESSAGES = 200;

/** Conversations are private to who started them: a user, or an API key. */
export const ownerOf = (p: Principal) => (p.kind === "session" ? p.userId : p.apiKeyId);

const present = (r: ConversationSummary) => ({
	id: r.id,
	title: r.title,
	created_at: r.createdAt.toISOString(),
	updated_at: r.updatedAt.toISOString(),
});

const ownership = (p: Principal) => ({ workspaceId: p.workspaceId, ownerId: ownerOf(p) });

async function findConversation(d1: D1Database, principal: Principal, id: string) {
	const row = await findOwnedConversation(createDb(d1), ownership(principal), id);
	if (!row) throw notFound("Conversation");
	return row;
}

export async function createConversation(d1: D1Database, principal: Principal, title = NEW_TITLE) {
	const now = new Date();
	const row = { id: newId("cnv"), title, createdAt: now, updatedAt: now };
	await insertConversation(createDb(d1), { ...row, ...ownership(principal) });
	return present(row);
}

export async function listConversations(
	d1: D1Database,
	principal: Principal,
	page: { limit: number; cursor?: string },
) {
	const rows = await conversationPage(createDb(d1), ownership(principal), startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, present);
}

/** The newest messages of a conversation, oldest first. */
export async function loadMessages(d1: D1Database, conversationId: string, limit = SHOWN_MESSAGES) {
	const rows = await newestMessages(createDb(d1), conversationId, limit);
	return rows.map((r) => ({ id: r.messageId, role: r.role, parts: JSON.parse(r.parts) }) as UIMessage);
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
	await deleteConversationRows(createDb(d1), id);
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
	await appendMessageRow(
		createDb(d1),
		{
			messageId: message.id,
			conversationId,
			role: message.role,
			parts: JSON.stringify(message.parts),
			createdAt: new Date(),
		},
		message.role === "user" ? { untitled: NEW_TITLE, next: titleFrom(message) } : null,
	);
}
