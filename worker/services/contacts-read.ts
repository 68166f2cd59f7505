import type { ContactStatus } from "../contracts/contacts";
import { createDb } from "../db/client";
import { contactPage, findContactRow, recentEvents, statusHistory, tagsOfContacts } from "../db/contacts";
import { notFound } from "../errors";
import { presentContact } from "./contacts-present";
import { getList } from "./lists";
import { pageOf, startAfter } from "./pagination";
import { segmentFilter } from "./segments";

export type ContactListQuery = {
	limit: number;
	cursor?: string;
	q?: string;
	status?: ContactStatus;
	tag?: string;
	segment_id?: string;
	list_id?: string;
};

/** Newest first; every filter is a bound parameter, and a segment adds its compiled rule tree. */
export async function listContacts(d1: D1Database, workspaceId: string, query: ContactListQuery) {
	const db = createDb(d1);
	const segment = query.segment_id ? await segmentFilter(d1, workspaceId, query.segment_id) : undefined;
	if (query.list_id) await getList(db, workspaceId, query.list_id); // 404 for a list of another workspace
	const rows = await contactPage(
		db,
		workspaceId,
		{ status: query.status, tag: query.tag, q: query.q, segment, listId: query.list_id },
		{ beforeId: startAfter(query, "desc"), limit: query.limit + 1 },
	);
	const tags = await tagsOfContacts(
		db,
		rows.map((r) => r.id),
	);
	return pageOf(rows, query, (r) => presentContact(r, tags.get(r.id) ?? []));
}

export async function getContactDetail(d1: D1Database, workspaceId: string, id: string) {
	const db = createDb(d1);
	const row = await findContactRow(db, workspaceId, id);
	if (!row) throw notFound("Contact");
	const [tags, history, events] = await Promise.all([
		tagsOfContacts(db, [id]),
		statusHistory(db, id, 100),
		recentEvents(db, id, 50),
	]);
	return {
		...presentContact(row, tags.get(id) ?? []),
		status_history: history.map((h) => ({ from: h.from, to: h.to, source: h.source, at: h.at.toISOString() })),
		events: events.map((e) => ({
			id: e.id,
			name: e.name,
			properties: e.properties,
			occurred_at: e.occurredAt.toISOString(),
		})),
	};
}
