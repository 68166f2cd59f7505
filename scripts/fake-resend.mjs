// A local fake of Resend's `POST /emails/batch` (and its domains API) for tests and benchmarks, as strict as the
// real API: auth, a per-team (per API key) rate limit with `ratelimit-*` headers on every answer and `retry-after`
// from the window, daily/monthly quota 429s, address and tag validation, strict batches by default and
// `x-batch-validation: permissive`, Idempotency-Keys kept 24 h, Resend's error bodies; an in-memory log of what
// was "sent"; and an admin API under /__admin/ (see fake-resend/admin.mjs) for fault injection (including a
// proxy's HTML 503 and a JSON 500 without statusCode), the rate limit, quotas, the clock, and svix-signed
// webhook events for accepted emails, so tests running inside workerd can steer it over HTTP.
//
// The team rate limit is on by default (5 requests/s per API key); `rateLimitPerSecond` (null: off),
// `--rate-limit`, `FAKE_RESEND_RATE_LIMIT` (`off`: none) or `POST /__admin/config` change it.
//
// Usage: `const fake = await startFakeResend(); new Resend("re_test", { baseUrl: fake.url })`,
// or standalone: `node scripts/fake-resend.mjs [--port 3030] [--rate-limit 2]`.

import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { handleAdmin } from "./fake-resend/admin.mjs";
import { handleBatch } from "./fake-resend/batch.mjs";
import { handleDomains } from "./fake-resend/domains.mjs";
import { apiError, headerValue, readBody, send } from "./fake-resend/http.mjs";

/** @typedef {import("./fake-resend/faults.mjs").Fault} Fault */
/** @typedef {import("./fake-resend/faults.mjs").RandomFaults} RandomFaults */
/** @typedef {import("./fake-resend/domains.mjs").DomainState} DomainState */
/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/**
 * @typedef {{ id: string; from: string; to: string[]; subject: string; html: string | null; text: string | null;
 *   headers: Record<string, string>; idempotencyKey: string | null; receivedAt: number; index: number;
 *   payload: Record<string, unknown> }} ReceivedEmail
 */
/**
 * `status` is the HTTP status answered, or 0 when the request was accepted but never answered
 * (`timeout_after_accept`). `accepted`: answered 200 (new or replay) or accepted-then-held.
 * @typedef {{ at: number; status: number; idempotencyKey: string | null; count: number; accepted: boolean;
 *   replayed: boolean; fault: Fault["kind"] | "quota" | null; error: string | null; keyTail: string | null }} RequestRecord
 */
/** `at`: when the key was stored, on the fake clock (keys expire after 24 h). */
/** @typedef {{ hash: string; pending: boolean; body: unknown; at: number }} IdempotencyEntry */
/** @typedef {import("./fake-resend/rate-limit.mjs").RateLimitConfig} RateLimitConfig */
/**
 * @typedef {{ emails: ReceivedEmail[]; requests: RequestRecord[]; faultQueue: Fault[]; random: RandomFaults | null;
 *   rateLimit: RateLimitConfig | null; windows: Map<string, number[]>; quota: import("./fake-resend/quota.mjs").QuotaFault | null;
 *   clockOffsetMs: number; idempotency: Map<string, IdempotencyEntry>;
 *   held: Map<ServerResponse, NodeJS.Timeout> } & DomainState} FakeState
 */

/** Resend's documented default team limit (its docs have said 2, 5 and 10 requests per second). */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;

/**
 * The team rate limit a fake starts with: `options.rateLimitPerSecond` (null: none), else
 * `FAKE_RESEND_RATE_LIMIT` from the environment (requests per second; `off` for none), else 5 per second.
 * @param {{ rateLimitPerSecond?: number | null }} options
 * @returns {RateLimitConfig | null}
 */
function initialRateLimit(options) {
	const fromEnv = process.env.FAKE_RESEND_RATE_LIMIT;
	const perSecond =
		options.rateLimitPerSecond !== undefined
			? options.rateLimitPerSecond
			: fromEnv === "off"
				? null
				: Number(fromEnv || DEFAULT_RATE_LIMIT_PER_SECOND);
	return perSecond && perSecond >= 1 ? { requests: Math.floor(perSecond), windowMs: 1000 } : null;
}

/** @param {{ port?: number; rateLimitPerSecond?: number | null }} [options] */
export async function startFakeResend(options = {}) {
	/** @type {FakeState} */
	const state = {
		emails: [],
		requests: [],
		faultQueue: [],
		random: null,
		rateLimit: initialRateLimit(options),
		windows: new Map(),
		quota: null,
		clockOffsetMs: 0,
		idempotency: new Map(),
		held: new Map(),
		domains: new Map(),
		verifyOutcomes: new Map(),
	};

	function releaseHeld() {
		for (const [res, timer] of state.held) {
			clearTimeout(timer);
			res.destroy();
		}
		state.held.clear();
	}

	/** Back to the state right after start (the rate limit returns to its initial setting). */
	function reset() {
		releaseHeld();
		state.emails.length = 0;
		state.requests.length = 0;
		state.faultQueue.length = 0;
		state.random = null;
		state.rateLimit = initialRateLimit(options);
		state.windows.clear();
		state.quota = null;
		state.clockOffsetMs = 0;
		state.idempotency.clear();
		state.domains.clear();
		state.verifyOutcomes.clear();
	}

	const server = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://fake").pathname;
		const route = `${req.method} ${path}`;
		readBody(req)
			.then((raw) => {
				if (raw === null) return send(res, 413, apiError(413, "validation_error", "Request body too large."));
				if (route === "POST /emails/batch") return handleBatch(state, req, res, raw);
				if (path === "/emails/batch") return send(res, 405, apiError(405, "method_not_allowed", "Method not allowed."));
				if (path.startsWith("/__admin/")) return handleAdmin(state, reset, route, raw, res);
				if (path === "/domains" || path.startsWith("/domains/")) {
					const auth = headerValue(req.headers.authorization);
					if (!auth)
						return send(res, 401, apiError(401, "missing_api_key", "Missing API key in the authorization header."));
					if (!/^Bearer re_\S*$/.test(auth))
						return send(res, 403, apiError(403, "invalid_api_key", "API key is invalid."));
					return handleDomains(state, req.method ?? "GET", path, raw, res);
				}
				return send(res, 404, apiError(404, "not_found", "The requested endpoint does not exist."));
			})
			.catch((/** @type {unknown} */ error) => {
				send(res, 500, apiError(500, "application_error", String(error)));
			});
	});

	await new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, "127.0.0.1", () => resolve(undefined));
	});
	const address = server.address();
	const port = typeof address === "object" && address !== null ? address.port : 0;

	return {
		url: `http://127.0.0.1:${port}`,
		state,
		reset,
		/** @returns {Promise<void>} */
		close() {
			releaseHeld();
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	/** @param {string} name */
	const arg = (name) => {
		const i = process.argv.indexOf(name);
		return i >= 0 ? Number(process.argv[i + 1]) : undefined;
	};
	const fake = await startFakeResend({ port: arg("--port") ?? 3030, rateLimitPerSecond: arg("--rate-limit") });
	console.log(`fake resend listening on ${fake.url}`);
	const stop = () => void fake.close().then(() => process.exit(0));
	process.on("SIGINT", stop);
	process.on("SIGTERM", stop);
}
