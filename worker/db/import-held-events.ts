/*
 * The webhook events of an import's steps (`contact.created`/`updated`/`unsubscribed` per row), kept in the SQLite
 * storage of its ImportDO from just before the step's D1 commit until the queue has taken them: a crash or a refused
 * enqueue in between loses nothing. Each row remembers the file offset its step's commit moves the cursor to, so
 * the events of a step that never committed are told apart (and dropped: that step runs again).
 */

export type HeldEvents = {
	/** Keeps a step's events (as JSON) before its commit, which moves the cursor to `afterOffset`. */
	hold(afterOffset: number, events: string[]): void;
	/** The step's events were enqueued. */
	release(afterOffset: number): void;
};

/** The storage with the held events table (created on first use; dropped with the rest by deleteAll()). */
export function heldEventStore(sql: SqlStorage) {
	sql.exec(
		"CREATE TABLE IF NOT EXISTS held_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, after_offset INTEGER NOT NULL, event TEXT NOT NULL)",
	);
	return {
		hold(afterOffset: number, events: string[]) {
			for (const event of events)
				sql.exec("INSERT INTO held_events (after_offset, event) VALUES (?, ?)", afterOffset, event);
		},
		release(afterOffset: number) {
			sql.exec("DELETE FROM held_events WHERE after_offset = ?", afterOffset);
		},
		/** Whether anything is held. */
		any(): boolean {
			return sql.exec("SELECT 1 FROM held_events LIMIT 1").toArray().length > 0;
		},
		/** Forgets the events of steps that did not commit (the cursor is short of them); answers the others, in order. */
		committed(cursorOffset: number): string[] {
			sql.exec("DELETE FROM held_events WHERE after_offset > ?", cursorOffset);
			return sql
				.exec<{ event: string }>("SELECT event FROM held_events ORDER BY seq")
				.toArray()
				.map((r) => r.event);
		},
		/** Every committed event up to the cursor was enqueued. */
		releaseUpTo(cursorOffset: number) {
			sql.exec("DELETE FROM held_events WHERE after_offset <= ?", cursorOffset);
		},
	} satisfies HeldEvents & Record<string, unknown>;
}
