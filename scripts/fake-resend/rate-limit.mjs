// Rate limiting for the fake Resend server, with the ratelimit-* headers Resend sends.

/**
 * Sliding 1-second window over admitted batch requests. Returns the rate-limit headers to send and whether this
 * request is over the limit; `admit` counts the request in the window when there is room.
 * @param {import("../fake-resend.mjs").FakeState} state
 * @param {number} now
 * @param {boolean} admit
 * @returns {{ limited: boolean; headers: Record<string, string> }}
 */
export function rateLimit(state, now, admit) {
	const limit = state.rateLimitPerSecond;
	if (limit === null) return { limited: false, headers: {} };
	while (state.window.length > 0 && now - /** @type {number} */ (state.window[0]) >= 1000) state.window.shift();
	const limited = state.window.length >= limit;
	if (!limited && admit) state.window.push(now);
	const oldest = state.window[0] ?? now;
	const headers = {
		"ratelimit-limit": String(limit),
		"ratelimit-remaining": String(Math.max(0, limit - state.window.length)),
		"ratelimit-reset": String(Math.max(1, Math.ceil((oldest + 1000 - now) / 1000))),
	};
	return { limited, headers: limited ? { ...headers, "retry-after": "1" } : headers };
}
