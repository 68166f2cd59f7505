/*
 * The pieces of an uploaded CSV file, kept in the SQLite storage of its ImportDO (not D1): one row per
 * piece, keyed by the byte offset where it starts.
 */

/** The storage with the pieces table (created on first use; dropped with the rest by deleteAll()). */
export function pieceStore(sql: SqlStorage) {
	sql.exec("CREATE TABLE IF NOT EXISTS pieces (at INTEGER PRIMARY KEY, data BLOB NOT NULL)");
	return {
		/** Stores (or replaces) the piece starting at byte `at`. */
		put(at: number, data: ArrayBuffer): void {
			sql.exec("INSERT OR REPLACE INTO pieces (at, data) VALUES (?, ?)", at, data);
		},
		/** How many bytes the stored pieces hold. */
		bytes(): number {
			return sql.exec<{ bytes: number }>("SELECT coalesce(sum(length(data)), 0) AS bytes FROM pieces").one().bytes;
		},
		/** The pieces that overlap bytes [from, to), in order. */
		overlapping(from: number, to: number) {
			return sql.exec<{ at: number; data: ArrayBuffer }>(
				"SELECT at, data FROM pieces WHERE at < ? AND at + length(data) > ? ORDER BY at",
				to,
				from,
			);
		},
	};
}
