import { createDb } from "../db/client";
import { findOutboxRow, type OutboxRow, outboxPage } from "../db/outbox";
import { notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";

const present = (r: OutboxRow) => ({
	id: r.id,
	campaign_id: r.campaignId,
	message_id: r.messageId,
	to: r.toEmail,
	from: r.fromEmail,
	reply_to: r.replyTo,
	subject: r.subject,
	html: r.html,
	text: r.text,
	headers: r.headers,
	created_at: r.createdAt.toISOString(),
});

export async function listOutbox(
	d1: D1Database,
	workspaceId: string,
	query: { limit: number; cursor?: string; campaign_id?: string },
) {
	const filter = { beforeId: startAfter(query, "desc"), campaignId: query.campaign_id };
	const rows = await outboxPage(createDb(d1), workspaceId, filter, query.limit + 1);
	return pageOf(rows, query, present);
}

export async function getOutboxMessage(d1: D1Database, workspaceId: string, id: string) {
	const row = await findOutboxRow(createDb(d1), workspaceId, id);
	if (!row) throw notFound("Message");
	return present(row);
}
