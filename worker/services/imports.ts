import type { Principal } from "../context";
import { IMPORT_CONSENT_TEXT, type ImportOptions } from "../contracts/imports";
import { createDb } from "../db/client";
import {
	findImport,
	type ImportErrorRow,
	importErrorCells,
	importErrorRows,
	importHeaderCells,
	importPage,
	insertImport,
	type ShownImport,
} from "../db/imports";
import { type ColumnChoice, mapHeaders } from "../domain/csv/columns";
import { IMPORT_LIMITS } from "../domain/csv/limits";
import { decodeWindow, normalizeCsv, utf8Length } from "../domain/csv/normalize";
import { readHeader } from "../domain/csv/reader";
import { newId } from "../domain/ids";
import { csvCell } from "../domain/reports/csv";
import { ApiError, notFound } from "../errors";
import { failImport, type ImportJob } from "./import-step";
import { pageOf, startAfter } from "./pagination";

const ERRORS_SHOWN = 100;
const MB = 1024 * 1024;

const refuse = (reason: string) => new ApiError("unprocessable", reason, [{ path: "file", message: reason }]);

export const fileTooLarge = () =>
	new ApiError(
		"payload_too_large",
		`Files up to ${IMPORT_LIMITS.fileBytes / MB} MB can be imported; split larger lists`,
		[{ path: "file", message: `Larger than ${IMPORT_LIMITS.fileBytes / MB} MB` }],
	);

/** Reads the header row from the start of the normalized file, mapping columns by `mapping` first, then by name. */
function header(bytes: Uint8Array, mapping: ImportOptions["mapping"] = {}) {
	const endOfFile = bytes.byteLength <= IMPORT_LIMITS.headerBytes;
	const text = decodeWindow(bytes.subarray(0, IMPORT_LIMITS.headerBytes), endOfFile);
	const read = readHeader(text);
	if (!read.ok) return read;
	if (!endOfFile && read.bodyOffset >= text.length) {
		const reason =
			read.headers.length > IMPORT_LIMITS.columns
				? `The header row has more than ${(read.headers.length - 1).toLocaleString("en-US")} columns; the limit is ${IMPORT_LIMITS.columns}`
				: `The header row is longer than ${IMPORT_LIMITS.headerBytes / 1024} KB`;
		return { ok: false as const, reason };
	}
	const unknown = Object.keys(mapping).find((name) => !read.headers.some((h) => h.trim() === name.trim()));
	if (unknown !== undefined)
		return { ok: false as const, reason: `The column mapping names "${unknown}", which is not a column of the file` };
	const choices = new Map(Object.entries(mapping).map(([name, choice]) => [name.trim(), choice as ColumnChoice]));
	const columns = mapHeaders(read.headers, (h) => choices.get(h.trim()));
	if (!columns.ok) return columns;
	return { ...read, map: columns.map, bodyOffset: utf8Length(text.slice(0, read.bodyOffset)) };
}

/** Hands the file to the import's Durable Object in calls of at most `partBytes`, then starts it. */
async function handOff(env: Env, job: ImportJob, bytes: Uint8Array, partBytes: number) {
	const stub = env.IMPORTER.getByName(job.importId);
	for (let at = 0; at < bytes.byteLength; at += partBytes)
		await stub.receive(at, bytes.slice(at, at + partBytes).buffer);
	const started = await stub.start(job, bytes.byteLength);
	if (!started.ok) throw new Error(started.reason);
}

/**
 * Checks the file as a whole (size, text, header, an email column, the number of columns) and
 * hands it to an ImportDO. Whole-file problems are refused at once (413 or 422) and nothing is
 * imported; row problems are reported per line by the import itself. When the hand-off fails,
 * the import is marked `failed` with the reason and the caller gets a 503.
 */
export async function startImport(
	env: Env,
	actor: Principal,
	file: { bytes: ArrayBuffer; name: string | null },
	ip: string | null,
	options: { partBytes?: number; settings?: ImportOptions } = {},
) {
	const settings = options.settings ?? { tags: [] };
	if (file.bytes.byteLength > IMPORT_LIMITS.fileBytes) throw fileTooLarge();
	const normalized = normalizeCsv(file.bytes);
	if (!normalized.ok) throw refuse(normalized.reason);
	const head = header(normalized.bytes, settings.mapping);
	if (!head.ok) throw refuse(head.reason);

	const importId = newId("imp");
	const db = createDb(env.DB);
	await db.batch([
		insertImport(db, {
			id: importId,
			workspaceId: actor.workspaceId,
			fileName: file.name,
			cursorOffset: head.bodyOffset,
			cursorLine: head.bodyLine,
			createdBy: actor.kind === "session" ? actor.userId : actor.apiKeyId,
		}),
		importHeaderCells(db, importId, head.headers),
	]);
	const job: ImportJob = {
		importId,
		workspaceId: actor.workspaceId,
		fileName: file.name,
		uploaderIp: ip,
		delimiter: head.delimiter,
		columns: head.map,
		bodyOffset: head.bodyOffset,
		bodyLine: head.bodyLine,
		consentText: settings.consent ? IMPORT_CONSENT_TEXT : null,
		tags: settings.tags,
	};
	try {
		await handOff(env, job, normalized.bytes, options.partBytes ?? IMPORT_LIMITS.handOffBytes);
	} catch (error) {
		const reason = "The file could not be handed to the importer, so nothing was imported; try again";
		console.error(JSON.stringify({ import_id: importId, handoff_failed: String(error) }));
		await failImport(env.DB, importId, reason);
		throw new ApiError("service_unavailable", `${reason} (import ${importId})`);
	}
	return importId;
}

function present(row: ShownImport, errors: ImportErrorRow[]) {
	return {
		id: row.id,
		status: row.status,
		file_name: row.fileName,
		total_rows: row.totalRows,
		processed_rows: row.processedRows,
		created: row.created,
		updated: row.updated,
		skipped: row.skipped,
		suppressed: row.suppressed,
		error_count: row.errorCount,
		failure: row.failure,
		created_at: row.createdAt.toISOString(),
		completed_at: row.completedAt ? row.completedAt.toISOString() : null,
		errors,
	};
}

export async function getImport(d1: D1Database, workspaceId: string, id: string) {
	const db = createDb(d1);
	const row = await findImport(db, workspaceId, id);
	if (!row) throw notFound("Import");
	return present(row, await importErrorRows(db, id, ERRORS_SHOWN));
}

export async function listImports(d1: D1Database, workspaceId: string, page: { limit: number; cursor?: string }) {
	const rows = await importPage(createDb(d1), workspaceId, startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, (r) => present(r, []));
}

/**
 * Every error row of an import as a CSV file: line, email and reason, then the row's original columns
 * under the file's own header, so the rows can be fixed and imported again.
 */
export async function importErrorsCsv(d1: D1Database, workspaceId: string, id: string) {
	await getImport(d1, workspaceId, id);
	const db = createDb(d1);
	const [results, cells] = await Promise.all([importErrorRows(db, id), importErrorCells(db, id)]);
	const header = cells.get(0) ?? [];
	const row = (values: (string | number | null)[]) => values.map(csvCell).join(",");
	return [
		["line,email,reason", ...header.map(csvCell)].join(","),
		...results.map((r) => {
			const original = cells.get(r.line) ?? [];
			return row([
				r.line,
				r.email,
				r.reason,
				...header.map((_, i) => original[i] ?? null),
				...original.slice(header.length),
			]);
		}),
	].join("\r\n");
}
