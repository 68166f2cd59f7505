// Resend's rate limit on the fake server: per team (here: per API key, every key its own team), a sliding
// window of `requests` per `windowMs`, reported in `ratelimit-*` headers on every answer to a team's
// request, with `retry-after` on a refusal computed from the window (when its oldest request leaves it).

/** @typedef {{ requests: number; windowMs: number }} RateLimitConfig */

/**
 * The window of one team, dropping requests older than the window.
 * @param {{ windows: Map<string, number[]> }} state @param {string} team @param {number} now @param {number} windowMs
 */
function windowOf(state, team, now, windowMs) {
	let window = state.windows.get(team);
	if (!window) {
		window = [];
		state.windows.set(team, window);
	}
	while (window.length > 0 && now - /** @type {number} */ (window[0]) >= windowMs) window.shift();
	return window;
}

/**
 * Counts one request of `team` when there is room. Returns the rate-limit headers for its answer and whether
 * it is over the limit. Without a configured limit nothing is counted and there are no headers.
 * @param {{ rateLimit: RateLimitConfig | null; windows: Map<string, number[]> }} state
 * @param {string} team the API key
 * @param {number} now
 * @returns {{ limited: boolean; headers: Record<string, string> }}
 */
export function rateLimit(state, team, now) {
	const config = state.rateLimit;
	if (config === null) return { limited: false, headers: {} };
	const window = windowOf(state, team, now, config.windowMs);
	const limited = window.length >= config.requests;
	if (!limited) window.push(now);
	const oldest = window[0] ?? now;
	const resetSeconds = Math.max(1, Math.ceil((oldest + config.windowMs - now) / 1000));
	const headers = {
		"ratelimit-limit": String(config.requests),
		"ratelimit-remaining": String(Math.max(0, config.requests - window.length)),
		"ratelimit-reset": String(resetSeconds),
	};
	return { limited, headers: limited ? { ...headers, "retry-after": String(resetSeconds) } : headers };
}

/**
 * Reads `{ rateLimitPerSecond }` (n per 1 s) or `{ rateLimit: { requests, windowMs } }`; null switches it off.
 * @param {unknown} body
 * @returns {RateLimitConfig | null | string} the setting, or an error message
 */
export function parseRateLimit(body) {
	const input = /** @type {{ rateLimitPerSecond?: unknown; rateLimit?: unknown }} */ (body ?? {});
	if ("rateLimit" in input) {
		if (input.rateLimit === null) return null;
		const { requests, windowMs } = /** @type {{ requests?: unknown; windowMs?: unknown }} */ (input.rateLimit ?? {});
		if (typeof requests !== "number" || !(requests >= 1)) return "rateLimit.requests must be a number >= 1";
		if (typeof windowMs !== "number" || !(windowMs >= 1)) return "rateLimit.windowMs must be a number >= 1";
		return { requests: Math.floor(requests), windowMs: Math.floor(windowMs) };
	}
	const value = input.rateLimitPerSecond;
	if (value === null) return null;
	if (typeof value !== "number" || !(value >= 1)) return "rateLimitPerSecond must be a number >= 1 or null";
	return { requests: Math.floor(value), windowMs: 1000 };
}
