import type { Enrollment } from "../../domain/journeys/enrollment";

/*
 * Entries and exits a shard owes the workspace's webhook endpoints (`journey.enrolled`, `journey.exited`), written
 * in the same transaction as the enrollment's change and sent after it, so a crash between the two loses nothing.
 */

export type LifecycleType = "journey.enrolled" | "journey.exited";
export type LifecycleRow = { key: string; type: LifecycleType; payload: string; at: number };

export class LifecycleOutbox {
	constructor(private readonly sql: SqlStorage) {}

	/** Once per enrollment and type: a step saved twice (a replay) records nothing new. */
	record(type: LifecycleType, enrollment: Enrollment, now: number) {
		const payload = {
			enrollment_id: enrollment.id,
			contact_id: enrollment.contactId,
			version: enrollment.version,
			node_id: enrollment.nodeId,
			status: enrollment.status === "waiting" ? "active" : enrollment.status,
			...(type === "journey.exited" && { exit_reason: enrollment.exitReason ?? "completed" }),
		};
		this.sql.exec(
			"INSERT INTO lifecycle_events (key, type, payload, at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
			`${type}:${enrollment.id}`,
			type,
			JSON.stringify(payload),
			now,
		);
	}

	pending(limit: number): LifecycleRow[] {
		return this.sql
			.exec<LifecycleRow>("SELECT key, type, payload, at FROM lifecycle_events ORDER BY at LIMIT ?", limit)
			.toArray();
	}

	sent(keys: readonly string[]) {
		for (const key of keys) this.sql.exec("DELETE FROM lifecycle_events WHERE key = ?", key);
	}
}
