import type { BatchItem } from "drizzle-orm/batch";
import { createDb, type Db } from "../db/client";
import type { HeldEvents } from "../db/import-held-events";
import { importWrites } from "../db/import-writes";
import { advanceImport, failRunningImport, forgetSeen, importContext, importCursor } from "../db/imports";
import { type ExistingContact, type ImportPlan, planImport } from "../domain/contacts/import-plan";
import { jsonBatches } from "../domain/csv/batches";
import type { ColumnMap } from "../domain/csv/columns";
import { withImportTags } from "../domain/csv/import-tags";
import { IMPORT_LIMITS } from "../domain/csv/limits";
import { rowToContact } from "../domain/csv/rows";
import { type CsvFile, readPage } from "../domain/csv/window";
import { newId } from "../domain/ids";
import { enqueueWebhookEvents, eventToJson, subscribedEvents } from "./outbound-webhooks";
import { importedContactEvents } from "./webhook-emitters";

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
	/** What the uploader confirmed about consent (null or absent: nothing confirmed). */
	consentText?: string | null;
	/** Tags added to every imported contact. */
	tags?: string[];
};

/** Original cells kept for an error row are cut to this many characters each. */
const KEPT_CELL_CHARS = 2_000;

async function loadContext(db: Db, workspaceId: string, importId: string, emails: string[]) {
	const found = await importContext(db, workspaceId, importId, emails);
	const tagsById = new Map<string, string[]>();
	for (const t of found.tags) tagsById.set(t.contactId, [...(tagsById.get(t.contactId) ?? []), t.tag]);
	const existing = new Map<string, ExistingContact>();
	for (const c of found.contacts) {
		existing.set(c.email, {
			id: c.id,
			email: c.email,
			first_name: c.firstName,
			last_name: c.lastName,
			attributes: c.attributes,
			timezone: c.timezone,
			locale: c.locale,
			status: c.status,
			tags: tagsById.get(c.id) ?? [],
		});
	}
	const suppressedOnly = new Set(found.suppressed.map((s) => s.email).filter((e) => !existing.has(e)));
	const seenBefore = new Map(found.seen.map((s) => [s.email, s.line]));
	return { existing, suppressedOnly, seenBefore };
}

/** One statement per JSON batch of at most IMPORT_LIMITS.batchBytes, whatever the rows hold. */
const perBatch = (items: readonly unknown[], statement: (batch: string) => BatchItem<"sqlite">[]) =>
	jsonBatches(items, IMPORT_LIMITS.batchBytes).flatMap(statement);

/** The plan as statements; they run in one D1 transaction together with the cursor update. */
function planStatements(
	db: Db,
	job: ImportJob,
	plan: ImportPlan,
	cells: Map<number, string[]>,
	now: number,
): BatchItem<"sqlite">[] {
	const errorCells = plan.errors.map((e) => ({
		line: e.line,
		cells: (cells.get(e.line) ?? []).map((c) => c.slice(0, KEPT_CELL_CHARS)),
	}));
	const source = `CSV import${job.fileName ? ` of ${job.fileName}` : ""}`;
	const consent = job.consentText ? `${job.consentText} (confirmed at upload). ${source}` : source;
	const changes = plan.statusChanges.map((c) => ({ ...c, history_id: newId("csh") }));
	const at = { workspaceId: job.workspaceId, now };
	return [
		...perBatch(plan.creates, (batch) => [
			importWrites.createContacts(db, batch, { ...at, consent, ip: job.uploaderIp }),
		]),
		...perBatch(plan.updates, (batch) => [importWrites.updateContacts(db, batch, at)]),
		...perBatch(plan.tags, (batch) => [importWrites.addTags(db, batch, job.workspaceId)]),
		...perBatch(changes, (batch) => importWrites.statusChanges(db, batch, at)),
		...perBatch(plan.errors, (batch) => [importWrites.addErrors(db, batch, job.importId)]),
		...perBatch(errorCells, (batch) => [importWrites.addErrorCells(db, batch, job.importId)]),
		...perBatch(plan.seen, (batch) => [importWrites.addSeen(db, batch, job.importId)]),
	];
}

/**
 * Imports the next page of rows. The page's writes and the moved cursor commit in one D1
 * transaction, so a crash or retry re-reads exactly the rows that did not commit. Steps of
 * one import never overlap: they run one at a time in its ImportDO. The page's webhook events
 * are held (in the ImportDO) from before the commit until the queue takes them; whatever is
 * still held after a crash or a refused enqueue is sent by the ImportDO before its next step.
 */
export async function runImportStep(
	env: Pick<Env, "DB" | "WEBHOOKS">,
	job: ImportJob,
	file: CsvFile,
	held: HeldEvents,
): Promise<{ done: boolean }> {
	const db = createDb(env.DB);
	const state = await importCursor(db, job.importId);
	if (state?.status !== "running") return { done: true };
	const page = readPage(file, {
		offset: state.offset,
		line: state.line,
		delimiter: job.delimiter,
		maxRows: IMPORT_LIMITS.stepRows,
	});
	const rows = page.rows.map((r) => ({
		line: r.line,
		result: withImportTags(rowToContact(r.cells, job.columns), job.tags ?? []),
	}));
	const emails = rows.flatMap((r) => (r.result.ok ? [r.result.contact.email] : []));
	const plan = planImport(rows, {
		...(await loadContext(db, job.workspaceId, job.importId, emails)),
		newId: () => newId("ctc"),
	});
	const now = Date.now();
	const events = await subscribedEvents(env, job.workspaceId, importedContactEvents(job.importId, plan, new Date(now)));
	if (events.length > 0) held.hold(page.offset, events.map(eventToJson));
	await db.batch([
		advanceImport(db, job.importId, {
			offset: page.offset,
			line: page.line,
			rows: rows.length,
			counts: plan.counts,
			errors: plan.errors.length,
			done: page.done,
			now,
		}),
		...planStatements(db, job, plan, new Map(page.rows.map((r) => [r.line, r.cells])), now),
		...(page.done ? [forgetSeen(db, job.importId)] : []),
	]);
	if (events.length > 0) {
		try {
			await enqueueWebhookEvents(env, job.workspaceId, events);
			held.release(page.offset);
		} catch (error) {
			// Committed and held: the ImportDO sends them before its next step.
			console.error(JSON.stringify({ import_id: job.importId, error: `contact events held: ${String(error)}` }));
		}
	}
	return { done: page.done };
}

export async function failImport(d1: D1Database, importId: string, reason: string) {
	const db = createDb(d1);
	await db.batch([failRunningImport(db, importId, reason, Date.now()), forgetSeen(db, importId)]);
}
