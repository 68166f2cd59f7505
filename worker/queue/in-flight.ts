/**
 * At most `limit` tasks at once; the others wait their turn, in order. A Worker invocation keeps at most six
 * connections open at a time and queues further fetches: a hundred provider calls started together would spend
 * their timeout waiting for a connection instead of on the provider.
 */
export function inFlight(limit: number) {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
		else running++;
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}

export type InFlight = ReturnType<typeof inFlight>;

/** Provider calls one consumer invocation keeps open at once (a Worker's simultaneous connections). */
export const PROVIDER_CALLS_IN_FLIGHT = 6;

/**
 * Chunks of one SENDS batch worked on at once (read, rendered, frozen, sent, recorded). Every step queries D1, which
 * runs one query at a time: a hundred chunks at once would put thousands of writes ahead of a person's dashboard read.
 */
export const CHUNKS_IN_PROGRESS = 12;
