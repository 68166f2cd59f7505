import type { Enrollment } from "../../domain/journeys/enrollment";

/* The shard's enrollments table: each row the enrollment as JSON, with the columns its lookups use. */

const IN_FLIGHT = "status IN ('active', 'waiting')";

/** The indexed columns of a stored enrollment. */
export type EnrollmentRow = {
	id: string;
	contactId: string;
	status: string;
	dueAt: number | null;
	waitEvent: string | null;
	nodeId: string;
	version: number;
	enteredAt: number;
};

const parsed = (sql: SqlStorage, query: string, ...args: (string | number | null)[]): Enrollment[] =>
	sql
		.exec<{ data: string }>(query, ...args)
		.toArray()
		.map((r) => JSON.parse(r.data) as Enrollment);

/** In-flight enrollments due at `now`, earliest first. */
export const dueEnrollments = (sql: SqlStorage, now: number, limit: number) =>
	parsed(sql, `SELECT data FROM enrollments WHERE ${IN_FLIGHT} AND due_at <= ? ORDER BY due_at LIMIT ?`, now, limit);

/** When the next in-flight enrollment is due, or null. */
export function nextDueAt(sql: SqlStorage): number | null {
	const [row] = sql
		.exec<{ at: number | null }>(`SELECT min(due_at) AS at FROM enrollments WHERE ${IN_FLIGHT}`)
		.toArray();
	return row?.at ?? null;
}

export const enrollmentsOfContact = (sql: SqlStorage, contactId: string) =>
	parsed(sql, "SELECT data FROM enrollments WHERE contact_id = ? ORDER BY entered_at", contactId);

export const enrollmentsWaitingFor = (sql: SqlStorage, event: string, contactId: string) =>
	parsed(sql, "SELECT data FROM enrollments WHERE wait_event = ? AND contact_id = ?", event, contactId);

export const inFlightEnrollments = (sql: SqlStorage, limit: number, afterId: string) =>
	parsed(sql, `SELECT data FROM enrollments WHERE ${IN_FLIGHT} AND id > ? ORDER BY id LIMIT ?`, afterId, limit);

/** The versions the in-flight enrollments are on. */
export const inFlightVersions = (sql: SqlStorage) =>
	sql
		.exec<{ version: number }>(`SELECT DISTINCT version FROM enrollments WHERE ${IN_FLIGHT}`)
		.toArray()
		.map((r) => r.version);

export type EnrollmentFilter = { contactId?: string; status?: string; afterId: string; limit: number };

/** A page of enrollments by id, optionally one contact's or of one public status ("active" is active or waiting). */
export function enrollmentPage(sql: SqlStorage, filter: EnrollmentFilter): Enrollment[] {
	const statuses = filter.status === "active" ? ["active", "waiting"] : filter.status ? [filter.status] : null;
	return parsed(
		sql,
		`SELECT data FROM enrollments WHERE id > ? AND (? IS NULL OR contact_id = ?)
		 AND (? IS NULL OR status IN (SELECT value FROM json_each(?))) ORDER BY id LIMIT ?`,
		filter.afterId,
		filter.contactId ?? null,
		filter.contactId ?? null,
		statuses ? "x" : null,
		JSON.stringify(statuses ?? []),
		filter.limit,
	);
}

export function upsertEnrollment(sql: SqlStorage, row: EnrollmentRow, enrollment: Enrollment) {
	sql.exec(
		`INSERT INTO enrollments (id, contact_id, status, due_at, wait_event, node_id, version, entered_at, data)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status,
		 due_at = excluded.due_at, wait_event = excluded.wait_event, node_id = excluded.node_id,
		 version = excluded.version, data = excluded.data`,
		row.id,
		row.contactId,
		row.status,
		row.dueAt,
		row.waitEvent,
		row.nodeId,
		row.version,
		row.enteredAt,
		JSON.stringify(enrollment),
	);
}
