import type { Principal } from "../context";
import { mapHeaders } from "../domain/csv/columns";
import { IMPORT_LIMITS } from "../domain/csv/limits";
import { decodeWindow, normalizeCsv, utf8Length } from "../domain/csv/normalize";
import { readHeader } from "../domain/csv/reader";
import { newId } from "../domain/ids";
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

/** Reads the header row from the start of the normalized file. */
function header(bytes: Uint8Array) {
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
	const columns = mapHeaders(read.headers);
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
	options: { partBytes?: number } = {},
) {
	if (file.bytes.byteLength > IMPORT_LIMITS.fileBytes) throw fileTooLarge();
	const normalized = normalizeCsv(file.bytes);
	if (!normalized.ok) throw refuse(normalized.reason);
	const head = header(normalized.bytes);
	if (!head.ok) throw refuse(head.reason);

	const importId = newId("imp");
	await env.DB.prepare(
		"INSERT INTO imports (id, workspace_id, status, file_name, cursor_offset, cursor_line, created_by) VALUES (?, ?, 'running', ?, ?, ?, ?)",
	)
		.bind(
			importId,
			actor.workspaceId,
			file.name,
			head.bodyOffset,
			head.bodyLine,
			actor.kind === "session" ? actor.userId : actor.apiKeyId,
		)
		.run();
	const job: ImportJob = {
		importId,
		workspaceId: actor.workspaceId,
		fileName: file.name,
		uploaderIp: ip,
		delimiter: head.delimiter,
		columns: head.map,
		bodyOffset: head.bodyOffset,
		bodyLine: head.bodyLine,
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

type ImportRow = {
	id: string;
	status: "running" | "completed" | "failed";
	file_name: string | null;
	total_rows: number;
	processed_rows: number;
	created: number;
	updated: number;
	skipped: number;
	suppressed: number;
	error_count: number;
	failure: string | null;
	created_at: number;
	completed_at: number | null;
};

const COLUMNS =
	"id, status, file_name, total_rows, processed_rows, created, updated, skipped, suppressed, error_count, failure, created_at, completed_at";

function present(row: ImportRow, errors: { line: number; email: string | null; reason: string }[]) {
	return {
		...row,
		errors,
		created_at: new Date(row.created_at).toISOString(),
		completed_at: row.completed_at ? new Date(row.completed_at).toISOString() : null,
	};
}

export async function getImport(d1: D1Database, workspaceId: string, id: string) {
	const row = await d1
		.prepare(`SELECT ${COLUMNS} FROM imports WHERE id = ? AND workspace_id = ?`)
		.bind(id, workspaceId)
		.first<ImportRow>();
	if (!row) throw notFound("Import");
	const { results } = await d1
		.prepare("SELECT line, email, reason FROM import_errors WHERE import_id = ? ORDER BY line LIMIT ?")
		.bind(id, ERRORS_SHOWN)
		.all<{ line: number; email: string | null; reason: string }>();
	return present(row, results);
}

export async function listImports(d1: D1Database, workspaceId: string, page: { limit: number; cursor?: string }) {
	const after = startAfter(page, "desc");
	const { results } = await d1
		.prepare(`SELECT ${COLUMNS} FROM imports WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?`)
		.bind(workspaceId, after, page.limit + 1)
		.all<ImportRow>();
	return pageOf(results, page, (r) => present(r, []));
}

const csvCell = (value: string | number | null) => {
	const text = value === null ? "" : String(value);
	// Quote always; neutralize spreadsheet formulas in cells that came from the uploaded file.
	return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
};

/** Every error row of an import as a CSV file (line, email, reason). */
export async function importErrorsCsv(d1: D1Database, workspaceId: string, id: string) {
	await getImport(d1, workspaceId, id);
	const { results } = await d1
		.prepare("SELECT line, email, reason FROM import_errors WHERE import_id = ? ORDER BY line")
		.bind(id)
		.all<{ line: number; email: string | null; reason: string }>();
	return ["line,email,reason", ...results.map((r) => [r.line, r.email, r.reason].map(csvCell).join(","))].join("\r\n");
}
