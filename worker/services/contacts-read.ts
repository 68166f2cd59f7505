import type { ContactStatus } from "../contracts/contacts";
import { notFound } from "../errors";
import { type ContactRecord, presentContact, tagsOf } from "./contacts-present";
import { pageOf, startAfter } from "./pagination";
import { segmentFilter } from "./segments";

export type ContactListQuery = {
	limit: number;
	cursor?: string;
	q?: string;
	status?: ContactStatus;
	tag?: string;
	segment_id?: string;
};

/** Newest first; every filter is a bound parameter, and a segment adds its compiled rule tree. */
export async function listContacts(d1: D1Database, workspaceId: string, query: ContactListQuery) {
	const where = ["c.workspace_id = ?"];
	const params: (string | number | null)[] = [workspaceId];
	if (query.status) {
		where.push("c.status = ?");
		params.push(query.status);
	}
	if (query.tag) {
		where.push("EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag = ?)");
		params.push(query.tag);
	}
	if (query.q) {
		where.push(
			"(instr(c.email, lower(?)) > 0 OR instr(lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), lower(?)) > 0)",
		);
		params.push(query.q, query.q);
	}
	if (query.segment_id) {
		const filter = await segmentFilter(d1, workspaceId, query.segment_id);
		where.push(`(${filter.where})`);
		params.push(...filter.params);
	}
	where.push("c.id < ?");
	params.push(startAfter(query, "desc"));
	const { results } = await d1
		.prepare(`SELECT c.* FROM contacts c WHERE ${where.join(" AND ")} ORDER BY c.id DESC LIMIT ?`)
		.bind(...params, query.limit + 1)
		.all<ContactRecord>();
	const tags = await tagsOf(
		d1,
		results.map((r) => r.id),
	);
	return pageOf(results, query, (r) => presentContact(r, tags.get(r.id) ?? []));
}

export async function getContactDetail(d1: D1Database, workspaceId: string, id: string) {
	const row = await d1
		.prepare("SELECT * FROM contacts WHERE id = ? AND workspace_id = ?")
		.bind(id, workspaceId)
		.first<ContactRecord>();
	if (!row) throw notFound("Contact");
	const [tags, history, events] = await Promise.all([
		tagsOf(d1, [id]),
		d1
			.prepare(
				"SELECT from_status, to_status, source, created_at FROM contact_status_history WHERE contact_id = ? ORDER BY id DESC LIMIT 100",
			)
			.bind(id)
			.all<{ from_status: ContactStatus | null; to_status: ContactStatus; source: string; created_at: number }>(),
		d1
			.prepare(
				"SELECT id, name, properties, occurred_at FROM events WHERE contact_id = ? ORDER BY occurred_at DESC LIMIT 50",
			)
			.bind(id)
			.all<{ id: string; name: string; properties: string; occurred_at: number }>(),
	]);
	return {
		...presentContact(row, tags.get(id) ?? []),
		status_history: history.results.map((h) => ({
			from: h.from_status,
			to: h.to_status,
			source: h.source,
			at: new Date(h.created_at).toISOString(),
		})),
		events: events.results.map((e) => ({
			id: e.id,
			name: e.name,
			properties: JSON.parse(e.properties),
			occurred_at: new Date(e.occurred_at).toISOString(),
		})),
	};
}
