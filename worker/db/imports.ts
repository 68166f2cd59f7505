import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { contacts, contactTags, importErrors, importSeen, imports, suppressions } from "./schema-contacts";
import { importRowCells } from "./schema-imports";

export type ImportRow = typeof imports.$inferSelect;
export type ImportErrorRow = Omit<typeof importErrors.$inferSelect, "importId">;

/** What the API shows of an import (the resume cursor and the uploader stay inside). */
const shown = {
	id: imports.id,
	status: imports.status,
	fileName: imports.fileName,
	totalRows: imports.totalRows,
	processedRows: imports.processedRows,
	created: imports.created,
	updated: imports.updated,
	skipped: imports.skipped,
	suppressed: imports.suppressed,
	errorCount: imports.errorCount,
	failure: imports.failure,
	createdAt: imports.createdAt,
	completedAt: imports.completedAt,
};
export type ShownImport = Pick<ImportRow, keyof typeof shown>;

export function insertImport(
	db: Db,
	row: Pick<ImportRow, "id" | "workspaceId" | "fileName" | "cursorOffset" | "cursorLine" | "createdBy">,
) {
	return db.insert(imports).values({ ...row, status: "running" });
}

/** The file's header row, kept as line 0 of the import's original cells. */
export function importHeaderCells(db: Db, importId: string, headers: string[]) {
	return db.insert(importRowCells).values({ importId, line: 0, cells: headers });
}

/** The original cells of an import's header (line 0) and error rows, by line. */
export async function importErrorCells(db: Db, importId: string): Promise<Map<number, string[]>> {
	const rows = await db
		.select({ line: importRowCells.line, cells: importRowCells.cells })
		.from(importRowCells)
		.where(eq(importRowCells.importId, importId));
	return new Map(rows.map((r) => [r.line, Array.isArray(r.cells) ? r.cells.map(String) : []]));
}

export async function findImport(db: Db, workspaceId: string, id: string): Promise<ShownImport | undefined> {
	const [row] = await db
		.select(shown)
		.from(imports)
		.where(and(eq(imports.id, id), eq(imports.workspaceId, workspaceId)));
	return row;
}

/** Newest first, ids below `beforeId`; `limit` rows (ask for one more to know if another page exists). */
export function importPage(db: Db, workspaceId: string, beforeId: string, limit: number): Promise<ShownImport[]> {
	return db
		.select(shown)
		.from(imports)
		.where(and(eq(imports.workspaceId, workspaceId), lt(imports.id, beforeId)))
		.orderBy(desc(imports.id))
		.limit(limit);
}

/** The error rows of an import by line; all of them without `limit`. */
export function importErrorRows(db: Db, importId: string, limit?: number): Promise<ImportErrorRow[]> {
	const query = db
		.select({ line: importErrors.line, email: importErrors.email, reason: importErrors.reason })
		.from(importErrors)
		.where(eq(importErrors.importId, importId))
		.orderBy(asc(importErrors.line));
	return limit === undefined ? query : query.limit(limit);
}

export async function setTotalRows(db: Db, importId: string, total: number): Promise<void> {
	await db.update(imports).set({ totalRows: total }).where(eq(imports.id, importId));
}

/** Where the import stands: its status and where its next step resumes. */
export async function importCursor(db: Db, importId: string) {
	const [row] = await db
		.select({ status: imports.status, offset: imports.cursorOffset, line: imports.cursorLine })
		.from(imports)
		.where(eq(imports.id, importId));
	return row;
}

/** What an import step knows about the emails of its page: their contacts, tags, suppressions and earlier rows. */
export async function importContext(db: Db, workspaceId: string, importId: string, emails: string[]) {
	const [found, tags, suppressed, seen] = await db.batch([
		db
			.select({
				id: contacts.id,
				email: contacts.email,
				firstName: contacts.firstName,
				lastName: contacts.lastName,
				attributes: contacts.attributes,
				timezone: contacts.timezone,
				locale: contacts.locale,
				status: contacts.status,
			})
			.from(contacts)
			.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.email, emails))),
		db
			.select({ contactId: contactTags.contactId, tag: contactTags.tag })
			.from(contactTags)
			.innerJoin(contacts, eq(contacts.id, contactTags.contactId))
			.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.email, emails))),
		db
			.select({ email: suppressions.email })
			.from(suppressions)
			.where(and(eq(suppressions.workspaceId, workspaceId), inJson(suppressions.email, emails))),
		db
			.select({ email: importSeen.email, line: importSeen.line })
			.from(importSeen)
			.where(and(eq(importSeen.importId, importId), inJson(importSeen.email, emails))),
	]);
	return { contacts: found, tags, suppressed, seen };
}

/** Moves the cursor past a step's rows and adds its counts; the last step completes the import. */
export function advanceImport(
	db: Db,
	importId: string,
	step: {
		offset: number;
		line: number;
		rows: number;
		counts: { created: number; updated: number; skipped: number; suppressed: number };
		errors: number;
		done: boolean;
		now: number;
	},
) {
	const add = (column: SQLiteColumn, n: number) => sql`${column} + ${n}`;
	return db
		.update(imports)
		.set({
			cursorOffset: step.offset,
			cursorLine: step.line,
			processedRows: add(imports.processedRows, step.rows),
			created: add(imports.created, step.counts.created),
			updated: add(imports.updated, step.counts.updated),
			skipped: add(imports.skipped, step.counts.skipped),
			suppressed: add(imports.suppressed, step.counts.suppressed),
			errorCount: add(imports.errorCount, step.errors),
			...(step.done ? { status: "completed" as const, completedAt: new Date(step.now) } : { completedAt: null }),
		})
		.where(eq(imports.id, importId));
}

/** The emails a finished (or failed) import remembered; only needed while it runs. */
export function forgetSeen(db: Db, importId: string) {
	return db.delete(importSeen).where(eq(importSeen.importId, importId));
}

/** Marks a running import failed with the reason (an import already finished stays as it is). */
export function failRunningImport(db: Db, importId: string, reason: string, now: number) {
	return db
		.update(imports)
		.set({ status: "failed", failure: reason, completedAt: new Date(now) })
		.where(and(eq(imports.id, importId), eq(imports.status, "running")));
}
