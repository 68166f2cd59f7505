/**
 * A small in-memory map whose entries expire after `ttlMs` (or earlier, at an entry's own
 * deadline) and which never holds more than `maxEntries` (the oldest entry goes first).
 * The clock is injectable so tests can move time instead of waiting for it.
 */
export class TtlCache<V> {
	private readonly entries = new Map<string, { value: V; expiresAt: number }>();
	now: () => number;

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		now: () => number = Date.now,
	) {
		this.now = now;
	}

	get(key: string): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= this.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	/** Keeps `value` for the TTL, or until `deadline` (epoch ms) when that comes sooner. */
	set(key: string, value: V, deadline = Number.POSITIVE_INFINITY): void {
		this.entries.delete(key);
		if (this.entries.size >= this.maxEntries) {
			const oldest = this.entries.keys().next();
			if (!oldest.done) this.entries.delete(oldest.value);
		}
		this.entries.set(key, { value, expiresAt: Math.min(this.now() + this.ttlMs, deadline) });
	}

	/** Forgets every entry whose value matches. */
	forget(matches: (value: V) => boolean): void {
		for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
	}

	get size(): number {
		return this.entries.size;
	}
}
