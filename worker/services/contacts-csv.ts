import { createDb } from "../db/client";
import { contactPage, tagsOfContacts } from "../db/contacts";
import { attributeKeys } from "../db/contacts-export";
import { csvLine } from "../domain/reports/csv";
import type { ContactListQuery } from "./contacts-read";
import { getList } from "./lists";
import { startAfter } from "./pagination";
import { segmentFilter } from "./segments";

export type ContactsCsvFilter = Omit<ContactListQuery, "limit" | "cursor">;

const PAGE = 500;
const MAX_ATTRIBUTE_COLUMNS = 100;
// The importer's own column names, so an exported file imports back as it was (tags `;`-separated).
const FIXED = ["email", "first_name", "last_name", "tags", "status", "timezone", "locale"] as const;

const cellOf = (value: unknown) =>
	value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

/**
 * Every contact matching the list's filters (a segment, a static list, status, tag, search) as CSV, newest first,
 * read a page at a time while it streams out. Each attribute key the workspace uses is a column. A segment or
 * list of another workspace is a 404 before anything streams.
 */
export async function contactsCsv(d1: D1Database, workspaceId: string, query: ContactsCsvFilter) {
	const db = createDb(d1);
	const segment = query.segment_id ? await segmentFilter(d1, workspaceId, query.segment_id) : undefined;
	if (query.list_id) await getList(db, workspaceId, query.list_id);
	const keys = (await attributeKeys(db, workspaceId, MAX_ATTRIBUTE_COLUMNS)).filter(
		(k) => !(FIXED as readonly string[]).includes(k),
	);
	const filter = { status: query.status, tag: query.tag, q: query.q, segment, listId: query.list_id };
	const encoder = new TextEncoder();
	let beforeId = startAfter({ limit: PAGE }, "desc");
	let done = false;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(csvLine([...FIXED, ...keys])));
		},
		async pull(controller) {
			if (done) return;
			const rows = await contactPage(db, workspaceId, filter, { beforeId, limit: PAGE });
			const tags = await tagsOfContacts(
				db,
				rows.map((r) => r.id),
			);
			const text = rows
				.map((r) =>
					csvLine([
						r.email,
						r.firstName,
						r.lastName,
						(tags.get(r.id) ?? []).join(";"),
						r.status,
						r.timezone,
						r.locale,
						...keys.map((k) => cellOf((r.attributes as Record<string, unknown> | null)?.[k])),
					]),
				)
				.join("");
			if (text) controller.enqueue(encoder.encode(text));
			beforeId = rows.at(-1)?.id ?? beforeId;
			if (rows.length < PAGE) {
				done = true;
				controller.close();
			}
		},
	});
}
