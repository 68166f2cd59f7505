/*
 * A journey shard's SQLite storage (durable-objects/journey-do.ts): the enrollments (JSON plus the columns the alarm
 * and the event lookups use), the effects outbox, the live counters, the events already applied, the segment members
 * it knows, the enrollment changes not yet mirrored to D1, the lifecycle webhook outbox and a small key-value meta.
 * Created on the object's first start (IF NOT EXISTS: no migrations to run).
 */
export const SHARD_TABLES = `
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
CREATE TABLE IF NOT EXISTS lifecycle_events (key TEXT PRIMARY KEY, type TEXT NOT NULL, payload TEXT NOT NULL, at INTEGER NOT NULL);
`;

export const createShardTables = (sql: SqlStorage) => sql.exec(SHARD_TABLES);
