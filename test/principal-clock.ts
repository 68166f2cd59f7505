import { PRINCIPAL_TTL_MS, principalCache } from "../worker/services/principal-cache";

export { PRINCIPAL_TTL_MS };

/**
 * Stops the clock that authentication reads (how long a key or session is trusted without
 * asking D1, and when `last_used_at` is due), so a test can move time instead of sleeping.
 * Call `restore` when done.
 */
export function freezeAuthClock(start = Date.now()) {
	let now = start;
	principalCache.now = () => now;
	return {
		now: () => now,
		advance: (ms: number) => {
			now += ms;
		},
		restore: () => {
			principalCache.now = Date.now;
		},
	};
}

/** Polls `check` until it returns a value other than null/undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 5_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== null && value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 10));
	}
}
