import { type ExistingContact, type ImportPlan, planImport } from "../domain/contacts/import-plan";
import { jsonBatches } from "../domain/csv/batches";
import type { ColumnMap } from "../domain/csv/columns";
import { IMPORT_LIMITS } from "../domain/csv/limits";
import { rowToContact } from "../domain/csv/rows";
import { type CsvFile, readPage } from "../domain/csv/window";
import { newId } from "../domain/ids";

export type ImportJob = {
	importId: string;
	workspaceId: string;
	fileName: string | null;
	uploaderIp: string | null;
	delimiter: string;
	columns: ColumnMap;
	/** Where the first data row starts: a byte offset into the normalized file, and its line. */
	bodyOffset: number;
	bodyLine: number;
};

type ImportState = { status: string; cursor_offset: number; cursor_line: number };

const json = (value: unknown) => JSON.stringify(value);

async function loadContext(d1: D1Database, workspaceId: string, importId: string, emails: string[]) {
	const list = json(emails);
	const [contacts, tags, suppressed, seen] = await d1.batch([
		d1
			.prepare(
				"SELECT id, email, first_name, last_name, attributes, timezone, locale, status FROM contacts WHERE workspace_id = ? AND email IN (SELECT value FROM json_each(?))",
			)
			.bind(workspaceId, list),
		d1
			.prepare(
				"SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id WHERE c.workspace_id = ? AND c.email IN (SELECT value FROM json_each(?))",
			)
			.bind(workspaceId, list),
		d1
			.prepare("SELECT email FROM suppressions WHERE workspace_id = ? AND email IN (SELECT value FROM json_each(?))")
			.bind(workspaceId, list),
		d1
			.prepare("SELECT email, line FROM import_seen WHERE import_id = ? AND email IN (SELECT value FROM json_each(?))")
			.bind(importId, list),
	]);
	const tagsById = new Map<string, string[]>();
	for (const t of (tags?.results ?? []) as { contact_id: string; tag: string }[])
		tagsById.set(t.contact_id, [...(tagsById.get(t.contact_id) ?? []), t.tag]);
	const existing = new Map<string, ExistingContact>();
	for (const c of (contacts?.results ?? []) as (Omit<ExistingContact, "attributes" | "tags"> & {
		attributes: string;
	})[]) {
		existing.set(c.email, { ...c, attributes: JSON.parse(c.attributes), tags: tagsById.get(c.id) ?? [] });
	}
	const suppressedOnly = new Set(
		((suppressed?.results ?? []) as { email: string }[]).map((s) => s.email).filter((e) => !existing.has(e)),
	);
	const seenBefore = new Map(
		((seen?.results ?? []) as { email: string; line: number }[]).map((s) => [s.email, s.line]),
	);
	return { existing, suppressedOnly, seenBefore };
}

/** One statement per JSON batch of at most IMPORT_LIMITS.batchBytes, whatever the rows hold. */
const perBatch = (items: readonly unknown[], statement: (batch: string) => D1PreparedStatement[]) =>
	jsonBatches(items, IMPORT_LIMITS.batchBytes).flatMap(statement);

/** The plan as statements; they run in one D1 transaction together with the cursor update. */
function planStatements(d1: D1Database, job: ImportJob, plan: ImportPlan, now: number): D1PreparedStatement[] {
	const consent = `CSV import${job.fileName ? ` of ${job.fileName}` : ""}`;
	const changes = plan.statusChanges.map((c) => ({ ...c, history_id: newId("csh") }));
	return [
		...perBatch(plan.creates, (batch) => [
			d1
				.prepare(
					`INSERT INTO contacts (id, workspace_id, email, first_name, last_name, attributes, timezone, locale, status, consent_source, consent_text, consent_at, consent_ip, created_at, updated_at)
					 SELECT j.value->>'$.id', ?1, j.value->>'$.email', j.value->>'$.first_name', j.value->>'$.last_name', j.value->'$.attributes',
					        j.value->>'$.timezone', j.value->>'$.locale', j.value->>'$.status', 'import', ?2 || ' (line ' || (j.value->>'$.line') || ')', ?3, ?4, ?3, ?3
					 FROM json_each(?5) j`,
				)
				.bind(job.workspaceId, consent, now, job.uploaderIp, batch),
		]),
		...perBatch(plan.updates, (batch) => [
			d1
				.prepare(
					`UPDATE contacts SET first_name = j.value->>'$.first_name', last_name = j.value->>'$.last_name', attributes = j.value->'$.attributes',
					   timezone = j.value->>'$.timezone', locale = j.value->>'$.locale', status = j.value->>'$.status', updated_at = ?1
					 FROM json_each(?2) j WHERE contacts.id = j.value->>'$.id' AND contacts.workspace_id = ?3`,
				)
				.bind(now, batch, job.workspaceId),
		]),
		...perBatch(plan.tags, (batch) => [
			d1
				.prepare(
					"INSERT OR IGNORE INTO contact_tags (workspace_id, contact_id, tag) SELECT ?, j.value->>'$.contact_id', j.value->>'$.tag' FROM json_each(?) j",
				)
				.bind(job.workspaceId, batch),
		]),
		...perBatch(changes, (batch) => [
			d1
				.prepare(
					"INSERT INTO contact_status_history (id, workspace_id, contact_id, from_status, to_status, source, created_at) SELECT j.value->>'$.history_id', ?, j.value->>'$.id', j.value->>'$.from', j.value->>'$.to', 'import', ? FROM json_each(?) j",
				)
				.bind(job.workspaceId, now, batch),
			d1
				.prepare(
					"INSERT INTO suppressions (workspace_id, email, reason, created_at) SELECT ?, j.value->>'$.email', j.value->>'$.to', ? FROM json_each(?) j WHERE j.value->>'$.to' <> 'subscribed' ON CONFLICT DO UPDATE SET reason = excluded.reason",
				)
				.bind(job.workspaceId, now, batch),
		]),
		...perBatch(plan.errors, (batch) => [
			d1
				.prepare(
					"INSERT OR IGNORE INTO import_errors (import_id, line, email, reason) SELECT ?, j.value->>'$.line', j.value->>'$.email', j.value->>'$.reason' FROM json_each(?) j",
				)
				.bind(job.importId, batch),
		]),
		...perBatch(plan.seen, (batch) => [
			d1
				.prepare(
					"INSERT OR IGNORE INTO import_seen (import_id, email, line) SELECT ?, j.value->>'$.email', j.value->>'$.line' FROM json_each(?) j",
				)
				.bind(job.importId, batch),
		]),
	];
}

/**
 * Imports the next page of rows. The page's writes and the moved cursor commit in one D1
 * transaction, so a crash or retry re-reads exactly the rows that did not commit. Steps of
 * one import never overlap: they run one at a time in its ImportDO.
 */
export async function runImportStep(d1: D1Database, job: ImportJob, file: CsvFile): Promise<{ done: boolean }> {
	const state = await d1
		.prepare("SELECT status, cursor_offset, cursor_line FROM imports WHERE id = ?")
		.bind(job.importId)
		.first<ImportState>();
	if (state?.status !== "running") return { done: true };
	const page = readPage(file, {
		offset: state.cursor_offset,
		line: state.cursor_line,
		delimiter: job.delimiter,
		maxRows: IMPORT_LIMITS.stepRows,
	});
	const rows = page.rows.map((r) => ({ line: r.line, result: rowToContact(r.cells, job.columns) }));
	const emails = rows.flatMap((r) => (r.result.ok ? [r.result.contact.email] : []));
	const plan = planImport(rows, {
		...(await loadContext(d1, job.workspaceId, job.importId, emails)),
		newId: () => newId("ctc"),
	});
	const now = Date.now();
	const { created, updated, skipped, suppressed } = plan.counts;
	await d1.batch([
		...planStatements(d1, job, plan, now),
		d1
			.prepare(
				`UPDATE imports SET cursor_offset = ?, cursor_line = ?, processed_rows = processed_rows + ?, created = created + ?, updated = updated + ?,
				   skipped = skipped + ?, suppressed = suppressed + ?, error_count = error_count + ?,
				   status = CASE WHEN ? THEN 'completed' ELSE status END, completed_at = CASE WHEN ? THEN ? ELSE NULL END
				 WHERE id = ?`,
			)
			.bind(
				page.offset,
				page.line,
				rows.length,
				created,
				updated,
				skipped,
				suppressed,
				plan.errors.length,
				page.done ? 1 : 0,
				page.done ? 1 : 0,
				now,
				job.importId,
			),
		...(page.done ? [d1.prepare("DELETE FROM import_seen WHERE import_id = ?").bind(job.importId)] : []),
	]);
	return { done: page.done };
}

export async function failImport(d1: D1Database, importId: string, reason: string) {
	await d1.batch([
		d1
			.prepare(
				"UPDATE imports SET status = 'failed', failure = ?, completed_at = ? WHERE id = ? AND status = 'running'",
			)
			.bind(reason, Date.now(), importId),
		d1.prepare("DELETE FROM import_seen WHERE import_id = ?").bind(importId),
	]);
}
