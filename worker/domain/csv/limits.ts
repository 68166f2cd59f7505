import { MAX_IMPORT_BODY_BYTES } from "../../contracts/limits";

/**
 * Limits of a CSV import, on top of the per-contact limits the API applies (CONTACT_LIMITS,
 * MAX_ATTRIBUTES_BYTES).
 * Each one keeps a single request, Durable Object call or D1 statement well inside the platform's limits.
 */
export const IMPORT_LIMITS = {
	/** Largest file accepted (413 above): the import route's body limit. */
	fileBytes: MAX_IMPORT_BODY_BYTES,
	/** Columns in the header row (422 above). */
	columns: 200,
	/** The header row has to end within the first this-many bytes. */
	headerBytes: 256 * 1024,
	/** One JSON batch bound to one D1 statement (D1 refuses bound values around 1-2 MB). */
	batchBytes: 500 * 1024,
	/** CSV text read per import step (a larger single row is read whole). */
	stepBytes: 1024 * 1024,
	/** Rows per import step. */
	stepRows: 500,
	/** Bytes per call when the file is handed to its ImportDO (the RPC limit is 32 MiB). */
	handOffBytes: 4 * 1024 * 1024,
	/** Bytes per stored piece in the ImportDO's SQLite (a value is limited to 2 MB). */
	pieceBytes: 1024 * 1024,
} as const;
