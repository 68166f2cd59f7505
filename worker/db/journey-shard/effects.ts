import type { Effect } from "../../domain/journeys/enrollment";

/* The shard's effects outbox: written with the step that made them, run after it, each marked done or retried. */

export type StoredEffect = { key: string; enrollmentId: string; contactId: string; effect: Effect; attempts: number };

/** A key already there is not added twice (a step replayed). */
export function insertEffect(sql: SqlStorage, enrollmentId: string, contactId: string, effect: Effect, now: number) {
	sql.exec(
		`INSERT INTO effects (key, enrollment_id, contact_id, type, payload, status, next_at)
		 VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (key) DO NOTHING`,
		effect.idempotencyKey,
		enrollmentId,
		contactId,
		effect.type,
		JSON.stringify(effect),
		now,
	);
}

export function pendingEffects(sql: SqlStorage, now: number, limit: number): StoredEffect[] {
	return sql
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

export function nextEffectAt(sql: SqlStorage): number | null {
	const [row] = sql
		.exec<{ at: number | null }>("SELECT min(next_at) AS at FROM effects WHERE status = 'pending'")
		.toArray();
	return row?.at ?? null;
}

/** Done or retried: only a pending effect (one cancelled while it ran, its contact erased, stays cancelled). */
export function markEffectDone(sql: SqlStorage, key: string) {
	sql.exec("UPDATE effects SET status = 'done', attempts = attempts + 1 WHERE key = ? AND status = 'pending'", key);
}

export function markEffectRetry(sql: SqlStorage, key: string, at: number, error: string, giveUp: boolean) {
	sql.exec(
		"UPDATE effects SET status = ?, attempts = attempts + 1, next_at = ?, last_error = ? WHERE key = ? AND status = 'pending'",
		giveUp ? "failed" : "pending",
		at,
		error.slice(0, 500),
		key,
	);
}

export function effectStatus(sql: SqlStorage, key: string): { status: string; attempts: number } | null {
	const [row] = sql
		.exec<{ status: string; attempts: number }>("SELECT status, attempts FROM effects WHERE key = ?", key)
		.toArray();
	return row ?? null;
}
