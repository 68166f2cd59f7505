import { type CounterDelta, countChange } from "../worker/domain/journeys/counters";
import type { Effect, Enrollment } from "../worker/domain/journeys/enrollment";
import { isOver } from "../worker/domain/journeys/enrollment";
import { LifecycleOutbox } from "./journey-lifecycle-outbox";

/*
 * A journey shard's SQLite storage: the enrollments (JSON plus the columns the alarm and the event lookups use),
 * the effects outbox (written in the same transaction as the step that made them, then run and marked done), the
 * live counters, the events already applied (a redelivered batch changes nothing) and the enrollment changes not
 * yet mirrored to D1 (which journeys a contact is in).
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS enrollments (
	id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, status TEXT NOT NULL, due_at INTEGER, wait_event TEXT,
	node_id TEXT NOT NULL, version INTEGER NOT NULL, entered_at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS enrollments_due ON enrollments (status, due_at);
CREATE INDEX IF NOT EXISTS enrollments_wait ON enrollments (wait_event, contact_id);
CREATE INDEX IF NOT EXISTS enrollments_contact ON enrollments (contact_id);
CREATE TABLE IF NOT EXISTS effects (
	key TEXT PRIMARY KEY, enrollment_id TEXT NOT NULL, contact_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
	status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, last_error TEXT);
CREATE INDEX IF NOT EXISTS effects_pending ON effects (status, next_at);
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS seen_events (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS segment_members (segment_id TEXT NOT NULL, contact_id TEXT NOT NULL, PRIMARY KEY (segment_id, contact_id));
CREATE TABLE IF NOT EXISTS mirror (enrollment_id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, status TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
`;

export type StoredEffect = { key: string; enrollmentId: string; contactId: string; effect: Effect; attempts: number };

const IN_FLIGHT = "status IN ('active', 'waiting')";

export class JourneyStore {
	/** Entries and exits owed to the workspace's webhook endpoints. */
	readonly lifecycle: LifecycleOutbox;

	constructor(private readonly sql: SqlStorage) {
		sql.exec(SCHEMA);
		this.lifecycle = new LifecycleOutbox(sql);
	}

	private rows(query: string, ...args: (string | number | null)[]): Enrollment[] {
		return this.sql
			.exec<{ data: string }>(query, ...args)
			.toArray()
			.map((r) => JSON.parse(r.data) as Enrollment);
	}

	/** In-flight enrollments due at `now`, earliest first. */
	due(now: number, limit: number): Enrollment[] {
		return this.rows(
			`SELECT data FROM enrollments WHERE ${IN_FLIGHT} AND due_at <= ? ORDER BY due_at LIMIT ?`,
			now,
			limit,
		);
	}

	/** When the next in-flight enrollment is due, or null. */
	nextDue(): number | null {
		const [row] = this.sql
			.exec<{ at: number | null }>(`SELECT min(due_at) AS at FROM enrollments WHERE ${IN_FLIGHT}`)
			.toArray();
		return row?.at ?? null;
	}

	ofContact(contactId: string): Enrollment[] {
		return this.rows("SELECT data FROM enrollments WHERE contact_id = ? ORDER BY entered_at", contactId);
	}

	waitingFor(event: string, contactId: string): Enrollment[] {
		return this.rows("SELECT data FROM enrollments WHERE wait_event = ? AND contact_id = ?", event, contactId);
	}

	inFlight(limit: number, afterId = ""): Enrollment[] {
		return this.rows(`SELECT data FROM enrollments WHERE ${IN_FLIGHT} AND id > ? ORDER BY id LIMIT ?`, afterId, limit);
	}

	/** A page of enrollments by id (newest ids last), optionally one contact's or of one public status. */
	page(filter: { contactId?: string; status?: string; afterId: string; limit: number }): Enrollment[] {
		const statuses = filter.status === "active" ? ["active", "waiting"] : filter.status ? [filter.status] : null;
		return this.rows(
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

	/** Stores a step's result: the enrollment, its effects (a key already there is not added twice), the counters. */
	save(before: Enrollment | null, after: Enrollment, effects: readonly Effect[], now: number, delta?: CounterDelta) {
		const over = isOver(after);
		const dueAt = over ? null : (after.dueAt ?? (after.status === "waiting" ? after.waiting?.timeoutAt : now) ?? now);
		this.sql.exec(
			`INSERT INTO enrollments (id, contact_id, status, due_at, wait_event, node_id, version, entered_at, data)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status,
			 due_at = excluded.due_at, wait_event = excluded.wait_event, node_id = excluded.node_id,
			 version = excluded.version, data = excluded.data`,
			after.id,
			after.contactId,
			after.status,
			dueAt,
			after.status === "waiting" ? (after.waiting?.event ?? null) : null,
			after.nodeId,
			after.version,
			after.enteredAt,
			JSON.stringify(after),
		);
		for (const effect of effects)
			this.sql.exec(
				`INSERT INTO effects (key, enrollment_id, contact_id, type, payload, status, next_at)
				 VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (key) DO NOTHING`,
				effect.idempotencyKey,
				after.id,
				after.contactId,
				effect.type,
				JSON.stringify(effect),
				now,
			);
		if (!before) this.lifecycle.record("journey.enrolled", after, now);
		if (over && (!before || !isOver(before))) this.lifecycle.record("journey.exited", after, now);
		const changed = countChange(before, after, delta);
		if (!delta) this.count(changed);
		if (!before || before.status !== after.status)
			this.sql.exec(
				`INSERT INTO mirror (enrollment_id, contact_id, status, updated_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT (enrollment_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
				after.id,
				after.contactId,
				after.status === "waiting" ? "active" : after.status,
				now,
			);
	}

	count(delta: CounterDelta) {
		for (const [key, n] of delta)
			if (n !== 0)
				this.sql.exec(
					"INSERT INTO counters (key, n) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET n = n + excluded.n",
					key,
					n,
				);
	}

	counters(): [string, number][] {
		return this.sql
			.exec<{ key: string; n: number }>("SELECT key, n FROM counters")
			.toArray()
			.map((r) => [r.key, r.n]);
	}

	pendingEffects(now: number, limit: number): StoredEffect[] {
		return this.sql
			.exec<{ key: string; enrollment_id: string; contact_id: string; payload: string; attempts: number }>(
				"SELECT key, enrollment_id, contact_id, payload, attempts FROM effects WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?",
				now,
				limit,
			)
			.toArray()
			.map((r) => ({
				key: r.key,
				enrollmentId: r.enrollment_id,
				contactId: r.contact_id,
				effect: JSON.parse(r.payload) as Effect,
				attempts: r.attempts,
			}));
	}

	nextEffect(): number | null {
		const [row] = this.sql
			.exec<{ at: number | null }>("SELECT min(next_at) AS at FROM effects WHERE status = 'pending'")
			.toArray();
		return row?.at ?? null;
	}

	effectDone(key: string) {
		this.sql.exec("UPDATE effects SET status = 'done', attempts = attempts + 1 WHERE key = ?", key);
	}

	effectRetry(key: string, at: number, error: string, give_up: boolean) {
		this.sql.exec(
			"UPDATE effects SET status = ?, attempts = attempts + 1, next_at = ?, last_error = ? WHERE key = ?",
			give_up ? "failed" : "pending",
			at,
			error.slice(0, 500),
			key,
		);
	}

	effectStatus(key: string): { status: string; attempts: number } | null {
		const [row] = this.sql
			.exec<{ status: string; attempts: number }>("SELECT status, attempts FROM effects WHERE key = ?", key)
			.toArray();
		return row ?? null;
	}

	/** True the first time a key is seen (an event or a batch item), false on a redelivery. */
	firstSeen(key: string, now: number): boolean {
		const inserted = this.sql.exec(
			"INSERT INTO seen_events (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING key",
			key,
			now,
		);
		return inserted.toArray().length > 0;
	}

	forgetSeen(before: number) {
		this.sql.exec("DELETE FROM seen_events WHERE at < ?", before);
	}

	/** Records whether the contact is in the segment; answers whether that changed (entered / left). */
	segmentMember(segmentId: string, contactId: string, member: boolean): boolean {
		const result = member
			? this.sql.exec(
					"INSERT INTO segment_members VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING contact_id",
					segmentId,
					contactId,
				)
			: this.sql.exec(
					"DELETE FROM segment_members WHERE segment_id = ? AND contact_id = ? RETURNING contact_id",
					segmentId,
					contactId,
				);
		return result.toArray().length > 0;
	}

	isSegmentMember(segmentId: string, contactId: string): boolean {
		return (
			this.sql
				.exec("SELECT 1 FROM segment_members WHERE segment_id = ? AND contact_id = ?", segmentId, contactId)
				.toArray().length > 0
		);
	}

	/** Recorded members with `after < contact_id <= upTo` (no upper bound when `upTo` is null). */
	segmentMembersBetween(segmentId: string, after: string, upTo: string | null): string[] {
		return this.sql
			.exec<{ contact_id: string }>(
				"SELECT contact_id FROM segment_members WHERE segment_id = ? AND contact_id > ? AND (? IS NULL OR contact_id <= ?)",
				segmentId,
				after,
				upTo,
				upTo,
			)
			.toArray()
			.map((r) => r.contact_id);
	}

	mirrorPending(limit: number) {
		return this.sql
			.exec<{ enrollment_id: string; contact_id: string; status: string; updated_at: number }>(
				"SELECT enrollment_id, contact_id, status, updated_at FROM mirror ORDER BY updated_at LIMIT ?",
				limit,
			)
			.toArray();
	}

	mirrored(rows: { enrollment_id: string; updated_at: number }[]) {
		for (const r of rows)
			this.sql.exec("DELETE FROM mirror WHERE enrollment_id = ? AND updated_at = ?", r.enrollment_id, r.updated_at);
	}

	getMeta<T>(key: string): T | null {
		const [row] = this.sql.exec<{ v: string }>("SELECT v FROM meta WHERE k = ?", key).toArray();
		return row ? (JSON.parse(row.v) as T) : null;
	}

	deleteMeta(key: string) {
		this.sql.exec("DELETE FROM meta WHERE k = ?", key);
	}

	setMeta(key: string, value: unknown) {
		this.sql.exec(
			"INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
			key,
			JSON.stringify(value),
		);
	}
}
