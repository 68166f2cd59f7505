import type { Principal } from "../context";
import { mapHeaders } from "../domain/csv/columns";
import { decodeCsv, readHeader } from "../domain/csv/reader";
import { newId } from "../domain/ids";
import { ApiError, notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
const ERRORS_SHOWN = 100;

const refuse = (reason: string) => new ApiError("unprocessable", reason, [{ path: "file", message: reason }]);

/**
 * Checks the file as a whole (text, header, an email column) and hands it to an ImportDO.
 * Whole-file problems are refused at once with 422 and nothing is imported; row problems
 * are reported per line by the import itself.
 */
export async function startImport(
	env: Env,
	actor: Principal,
	file: { bytes: ArrayBuffer; name: string | null },
	ip: string | null,
) {
	if (file.bytes.byteLength > MAX_IMPORT_BYTES)
		throw new ApiError("payload_too_large", "Files up to 30 MB can be imported; split larger lists");
	const decoded = decodeCsv(file.bytes);
	if (!decoded.ok) throw refuse(decoded.reason);
	const header = readHeader(decoded.text);
	if (!header.ok) throw refuse(header.reason);
	const columns = mapHeaders(header.headers);
	if (!columns.ok) throw refuse(columns.reason);

	const importId = newId("imp");
	await env.DB.prepare(
		"INSERT INTO imports (id, workspace_id, status, file_name, cursor_offset, cursor_line, created_by) VALUES (?, ?, 'running', ?, ?, ?, ?)",
	)
		.bind(
			importId,
			actor.workspaceId,
			file.name,
			header.bodyOffset,
			header.bodyLine,
			actor.kind === "session" ? actor.userId : actor.apiKeyId,
		)
		.run();
	const job = {
		importId,
		workspaceId: actor.workspaceId,
		fileName: file.name,
		uploaderIp: ip,
		delimiter: header.delimiter,
		columns: columns.map,
	};
	await env.IMPORTER.getByName(importId).start(job, decoded.text, header.bodyOffset);
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
