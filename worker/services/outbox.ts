import { notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";

type OutboxRow = {
	id: string;
	campaign_id: string | null;
	message_id: string | null;
	to_email: string;
	from_email: string;
	reply_to: string | null;
	subject: string;
	html: string;
	text: string;
	headers: string;
	created_at: number;
};

const present = (r: OutboxRow) => ({
	id: r.id,
	campaign_id: r.campaign_id,
	message_id: r.message_id,
	to: r.to_email,
	from: r.from_email,
	reply_to: r.reply_to,
	subject: r.subject,
	html: r.html,
	text: r.text,
	headers: JSON.parse(r.headers) as Record<string, string>,
	created_at: new Date(r.created_at).toISOString(),
});

export async function listOutbox(
	d1: D1Database,
	workspaceId: string,
	query: { limit: number; cursor?: string; campaign_id?: string },
) {
	const after = startAfter(query, "desc");
	const { results } = await d1
		.prepare(
			`SELECT * FROM outbox_messages WHERE workspace_id = ? AND id < ? ${query.campaign_id ? "AND campaign_id = ?" : ""} ORDER BY id DESC LIMIT ?`,
		)
		.bind(workspaceId, after, ...(query.campaign_id ? [query.campaign_id] : []), query.limit + 1)
		.all<OutboxRow>();
	return pageOf(results, query, present);
}

export async function getOutboxMessage(d1: D1Database, workspaceId: string, id: string) {
	const row = await d1
		.prepare("SELECT * FROM outbox_messages WHERE id = ? AND workspace_id = ?")
		.bind(id, workspaceId)
		.first<OutboxRow>();
	if (!row) throw notFound("Message");
	return present(row);
}
