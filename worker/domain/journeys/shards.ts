import { hash32 } from "../ab/assign";

/*
 * A journey's enrollments live in JOURNEY_SHARDS Durable Objects (`journey:{journeyId}:{shard}`), a contact always
 * in the same one (a hash of its id), so its earlier enrollments (the re-entry policy) and its events meet there.
 *
 * Capacity on paper: 1,000,000 enrollments per journey are 62,500 per shard. A row is ~1-3 KB (the enrollment as
 * JSON, capped history), so ~200 MB per shard at most, well inside a SQLite-backed object's 10 GB. An alarm
 * advances at most ALARM_BATCH enrollments per round (~50-150 ms of work per round in workerd), and the 16 shards
 * run in parallel: 100,000 enrollments due at one moment are 6,250 per shard, 13 rounds each.
 */
export const JOURNEY_SHARDS = 16;

export const shardOf = (contactId: string) => hash32(contactId) % JOURNEY_SHARDS;

export const shardName = (journeyId: string, shard: number) => `journey:${journeyId}:${shard}`;

/** Items grouped by the shard of their contact. */
export function byShard<T>(items: readonly T[], contactOf: (item: T) => string): Map<number, T[]> {
	const groups = new Map<number, T[]>();
	for (const item of items) {
		const shard = shardOf(contactOf(item));
		const group = groups.get(shard);
		if (group) group.push(item);
		else groups.set(shard, [item]);
	}
	return groups;
}

/** The object that holds a journey's live sockets and sums the counters its shards push (same class, own name). */
export const liveHubName = (journeyId: string) => `journey:${journeyId}:live`;
