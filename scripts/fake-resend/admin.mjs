// Admin API of the fake Resend server, so tests (including ones running inside workerd) can steer it over HTTP.

import { setVerifyOutcome } from "./domains.mjs";
import { parseFault, parseRandomFaults } from "./faults.mjs";
import { apiError, parseJson, send } from "./http.mjs";
import { computeStats } from "./stats.mjs";

/** @typedef {import("../fake-resend.mjs").FakeState} FakeState */
/** @typedef {import("./faults.mjs").Fault} Fault */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

/**
 * Handles `/__admin/*`: received, stats, faults (GET/POST), reset, config, domains (GET/POST: verify outcomes).
 * @param {FakeState} state
 * @param {() => void} reset
 * @param {string} route "METHOD /path"
 * @param {string} raw request body
 * @param {ServerResponse} res
 */
export function handleAdmin(state, reset, route, raw, res) {
	const parsed = raw.trim() === "" ? { ok: true, value: {} } : parseJson(raw);
	const body = parsed.ok && typeof parsed.value === "object" && parsed.value !== null ? parsed.value : null;
	/** @param {string} message */
	const bad = (message) => send(res, 400, apiError(400, "validation_error", message));
	switch (route) {
		case "GET /__admin/received":
			return send(res, 200, { emails: state.emails, requests: state.requests });
		case "GET /__admin/stats":
			return send(res, 200, computeStats(state.requests, state.emails));
		case "GET /__admin/faults":
			return send(res, 200, faultSettings(state));
		case "GET /__admin/domains":
			return send(res, 200, {
				domains: [...state.domains.values()],
				outcomes: Object.fromEntries(state.verifyOutcomes),
			});
		case "POST /__admin/domains": {
			const error = setVerifyOutcome(state, body);
			return error === null ? send(res, 200, { ok: true }) : bad(error);
		}
		case "POST /__admin/reset":
			reset();
			return send(res, 200, { ok: true });
		case "POST /__admin/config": {
			const value = /** @type {{ rateLimitPerSecond?: unknown } | null} */ (body)?.rateLimitPerSecond;
			if (value !== null && (typeof value !== "number" || !(value >= 1))) {
				return bad("rateLimitPerSecond must be a number >= 1 or null");
			}
			state.rateLimitPerSecond = value === null ? null : Math.floor(value);
			state.window.length = 0;
			return send(res, 200, { ok: true, rateLimitPerSecond: state.rateLimitPerSecond });
		}
		case "POST /__admin/faults": {
			if (body === null) return bad("expected a JSON object { queue } or { rate, kinds, seed? }");
			const input = /** @type {{ queue?: unknown; rate?: unknown; kinds?: unknown; seed?: unknown }} */ (body);
			if (input.queue === undefined && input.rate === undefined) return bad("expected `queue` or `rate`");
			/** @type {Fault[]} */
			const queue = [];
			if (input.queue !== undefined) {
				if (!Array.isArray(input.queue)) return bad("queue must be an array of faults");
				for (const item of input.queue) {
					const fault = parseFault(item);
					if (typeof fault === "string") return bad(fault);
					queue.push(fault);
				}
			}
			const random = input.rate === undefined ? undefined : parseRandomFaults(input);
			if (typeof random === "string") return bad(random);
			state.faultQueue.push(...queue);
			if (random !== undefined) state.random = random;
			return send(res, 200, faultSettings(state));
		}
		default:
			return send(res, 404, apiError(404, "not_found", `No admin route ${route}`));
	}
}

/** @param {FakeState} state */
function faultSettings(state) {
	const random = state.random && { rate: state.random.rate, kinds: state.random.kinds, seed: state.random.seed };
	return { queue: state.faultQueue, random };
}
