/*
 * The shard's small tables: live counters, events already applied (a redelivered batch changes nothing), the segment
 * members it knows, enrollment changes not yet mirrored to D1, and a key-value meta (JSON values).
 */

export function addCounter(sql: SqlStorage, key: string, n: number) {
	sql.exec("INSERT INTO counters (key, n) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET n = n + excluded.n", key, n);
}

export const allCounters = (sql: SqlStorage): [string, number][] =>
	sql
		.exec<{ key: string; n: number }>("SELECT key, n FROM counters")
		.toArray()
		.map((r) => [r.key, r.n]);

/** True the first time a key is seen, false on a redelivery. */
export const insertSeen = (sql: SqlStorage, key: string, now: number): boolean =>
	sql
		.exec("INSERT INTO seen_events (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING key", key, now)
		.toArray().length > 0;

export function deleteSeenBefore(sql: SqlStorage, before: number) {
	sql.exec("DELETE FROM seen_events WHERE at < ?", before);
}

/** Adds or removes a membership; answers whether that changed anything. */
export function setSegmentMember(sql: SqlStorage, segmentId: string, contactId: string, member: boolean): boolean {
	const result = member
		? sql.exec(
				"INSERT INTO segment_members VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING contact_id",
				segmentId,
				contactId,
			)
		: sql.exec(
				"DELETE FROM segment_members WHERE segment_id = ? AND contact_id = ? RETURNING contact_id",
				segmentId,
				contactId,
			);
	return result.toArray().length > 0;
}

export const isSegmentMember = (sql: SqlStorage, segmentId: string, contactId: string): boolean =>
	sql.exec("SELECT 1 FROM segment_members WHERE segment_id = ? AND contact_id = ?", segmentId, contactId).toArray()
		.length > 0;

/** Recorded members with `after < contact_id <= upTo` (no upper bound when `upTo` is null). */
export const segmentMembersBetween = (sql: SqlStorage, segmentId: string, after: string, upTo: string | null) =>
	sql
		.exec<{ contact_id: string }>(
			"SELECT contact_id FROM segment_members WHERE segment_id = ? AND contact_id > ? AND (? IS NULL OR contact_id <= ?)",
			segmentId,
			after,
			upTo,
			upTo,
		)
		.toArray()
		.map((r) => r.contact_id);

export type MirrorRow = { enrollment_id: string; contact_id: string; status: string; updated_at: number };

export function upsertMirror(sql: SqlStorage, row: MirrorRow) {
	sql.exec(
		`INSERT INTO mirror (enrollment_id, contact_id, status, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (enrollment_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
		row.enrollment_id,
		row.contact_id,
		row.status,
		row.updated_at,
	);
}

export const mirrorPending = (sql: SqlStorage, limit: number): MirrorRow[] =>
	sql
		.exec<MirrorRow>(
			"SELECT enrollment_id, contact_id, status, updated_at FROM mirror ORDER BY updated_at LIMIT ?",
			limit,
		)
		.toArray();

/** Drops mirrored rows unless changed again since (a newer `updated_at`). */
export function deleteMirrored(sql: SqlStorage, rows: readonly { enrollment_id: string; updated_at: number }[]) {
	for (const r of rows)
		sql.exec("DELETE FROM mirror WHERE enrollment_id = ? AND updated_at = ?", r.enrollment_id, r.updated_at);
}

export function getMeta<T>(sql: SqlStorage, key: string): T | null {
	const [row] = sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", key).toArray();
	return row ? (JSON.parse(row.v) as T) : null;
}

export function setMeta(sql: SqlStorage, key: string, value: unknown) {
	sql.exec(
		"INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
		key,
		JSON.stringify(value),
	);
}

export function deleteMeta(sql: SqlStorage, key: string) {
	sql.exec("DELETE FROM meta WHERE k = ?", key);
}
