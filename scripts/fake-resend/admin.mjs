// Admin API of the fake Resend server, so tests (including ones running inside workerd) can steer it over HTTP.

import { clock } from "./batch.mjs";
import { setVerifyOutcome } from "./domains.mjs";
import { parseFault, parseRandomFaults } from "./faults.mjs";
import { apiError, parseJson, send } from "./http.mjs";
import { parseQuota } from "./quota.mjs";
import { parseRateLimit } from "./rate-limit.mjs";
import { computeStats } from "./stats.mjs";
import { emitWebhooks } from "./webhooks.mjs";

/** @typedef {import("../fake-resend.mjs").FakeState} FakeState */
/** @typedef {import("./faults.mjs").Fault} Fault */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

/**
 * Handles `/__admin/*`: received, stats, faults (GET/POST), reset, config (the team rate limit), quota (daily or
 * monthly quota 429s), clock (moves the fake's clock, e.g. past the 24 h life of idempotency keys), webhooks
 * (signed Resend events for accepted emails), domains (GET/POST: verify outcomes).
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
			const limit = parseRateLimit(body);
			if (typeof limit === "string") return bad(limit);
			state.rateLimit = limit;
			state.windows.clear();
			return send(res, 200, { ok: true, rateLimitPerSecond: limit?.requests ?? null, rateLimit: limit });
		}
		case "POST /__admin/quota": {
			const quota = parseQuota(body);
			if (typeof quota === "string") return bad(quota);
			state.quota = quota;
			return send(res, 200, { ok: true, quota });
		}
		case "POST /__admin/clock": {
			const { advanceMs } = /** @type {{ advanceMs?: unknown }} */ (body ?? {});
			if (typeof advanceMs !== "number" || !Number.isFinite(advanceMs)) return bad("advanceMs must be a number");
			state.clockOffsetMs += advanceMs;
			return send(res, 200, { ok: true, now: new Date(clock(state)).toISOString(), offsetMs: state.clockOffsetMs });
		}
		case "POST /__admin/webhooks":
			return emitWebhooks(state.emails, body).then((result) =>
				typeof result === "string" ? bad(result) : send(res, 200, result),
			);
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
