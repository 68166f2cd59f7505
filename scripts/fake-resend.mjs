// A local fake of Resend's `POST /emails/batch` (and its domains API) for tests and benchmarks: same wire contract as the real API
// (auth, validation, Idempotency-Key, rate limits, error bodies), an in-memory log of what was "sent", and an
// admin API under /__admin/ for fault injection, so tests running inside workerd can steer it over HTTP.
//
// Usage: `const fake = await startFakeResend(); new Resend("re_test", { baseUrl: fake.url })`,
// or standalone: `node scripts/fake-resend.mjs [--port 3030] [--rate-limit 2]`.

import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { handleAdmin } from "./fake-resend/admin.mjs";
import { handleDomains } from "./fake-resend/domains.mjs";
import { drawRandomFault } from "./fake-resend/faults.mjs";
import { apiError, headerValue, parseJson, readBody, send } from "./fake-resend/http.mjs";
import { rateLimit } from "./fake-resend/rate-limit.mjs";
import { validateBatchShape, validateEmail } from "./fake-resend/validate.mjs";

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
 *   replayed: boolean; fault: Fault["kind"] | null; error: string | null }} RequestRecord
 */
/** @typedef {{ hash: string; pending: boolean; body: unknown }} IdempotencyEntry */
/**
 * @typedef {{ emails: ReceivedEmail[]; requests: RequestRecord[]; faultQueue: Fault[]; random: RandomFaults | null;
 *   rateLimitPerSecond: number | null; idempotency: Map<string, IdempotencyEntry>; window: number[];
 *   held: Map<ServerResponse, NodeJS.Timeout> } & DomainState} FakeState
 */

const HOLD_MS = 60_000;

/** @param {{ port?: number; rateLimitPerSecond?: number }} [options] */
export async function startFakeResend(options = {}) {
	/** @type {FakeState} */
	const state = {
		emails: [],
		requests: [],
		faultQueue: [],
		random: null,
		rateLimitPerSecond: options.rateLimitPerSecond ?? null,
		idempotency: new Map(),
		window: [],
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

	/** Back to the state right after start (the rate limit returns to `options.rateLimitPerSecond`, if any). */
	function reset() {
		releaseHeld();
		state.emails.length = 0;
		state.requests.length = 0;
		state.faultQueue.length = 0;
		state.random = null;
		state.rateLimitPerSecond = options.rateLimitPerSecond ?? null;
		state.idempotency.clear();
		state.window.length = 0;
		state.domains.clear();
		state.verifyOutcomes.clear();
	}

	/** @param {IncomingMessage} req @param {ServerResponse} res @param {string} raw */
	async function handleBatch(req, res, raw) {
		const at = Date.now();
		const idempotencyKey = headerValue(req.headers["idempotency-key"]) ?? null;
		/** @type {RequestRecord} */
		const record = {
			at,
			status: 0,
			idempotencyKey,
			count: 0,
			accepted: false,
			replayed: false,
			fault: null,
			error: null,
		};
		state.requests.push(record);
		/** @param {number} status @param {string} name @param {string} message @param {Record<string, string>} [headers] */
		const fail = (status, name, message, headers) => {
			Object.assign(record, { status, error: name });
			send(res, status, apiError(status, name, message), headers);
		};

		const auth = headerValue(req.headers.authorization);
		if (!auth) return fail(401, "missing_api_key", "Missing API key in the authorization header.");
		if (!/^Bearer re_\S*$/.test(auth)) return fail(403, "invalid_api_key", "API key is invalid.");
		const parsed = parseJson(raw);
		if (!parsed.ok) return fail(400, "validation_error", "The request body is not valid JSON.");
		const emails = parsed.value;
		record.count = Array.isArray(emails) ? emails.length : 0;
		if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 256)) {
			return fail(400, "invalid_idempotency_key", "The idempotency key must be between 1-256 characters.");
		}
		const limit = rateLimit(state, at, true);
		if (limit.limited) return fail(429, "rate_limit_exceeded", "Too many requests. Please slow down.", limit.headers);

		const fault = state.faultQueue.shift() ?? (state.random ? drawRandomFault(state.random) : null);
		record.fault = fault?.kind ?? null;
		if (fault?.kind === "429") {
			const retryAfter = String(fault.retryAfter ?? 1);
			const headers = { ...limit.headers, "retry-after": retryAfter, "ratelimit-remaining": "0" };
			return fail(429, "rate_limit_exceeded", "Too many requests. Please slow down. (injected)", headers);
		}
		if (fault?.kind === "500") return fail(500, "internal_server_error", "An unexpected error occurred. (injected)");
		if (fault?.kind === "409_concurrent") {
			return fail(
				409,
				"concurrent_idempotent_requests",
				"Same idempotency key used while original request is still in progress. (injected)",
			);
		}
		if (fault?.kind === "422") return fail(422, "validation_error", "Injected validation error.");

		const shapeError = validateBatchShape(emails);
		if (shapeError !== null || !Array.isArray(emails))
			return fail(422, "validation_error", shapeError ?? "Invalid batch");
		const permissive = headerValue(req.headers["x-batch-validation"]) === "permissive";
		/** @type {{ index: number; message: string }[]} */
		const errors = [];
		emails.forEach((email, index) => {
			const message = validateEmail(email, index);
			if (message !== null) errors.push({ index, message });
		});
		const firstError = errors[0];
		if (firstError && !permissive) return fail(422, "validation_error", firstError.message, limit.headers);

		const hash = createHash("sha256")
			.update(`${permissive}|${JSON.stringify(emails)}`)
			.digest("hex");
		if (idempotencyKey !== null) {
			const existing = state.idempotency.get(idempotencyKey);
			if (existing?.pending) {
				return fail(
					409,
					"concurrent_idempotent_requests",
					"Same idempotency key used while original request is still in progress.",
				);
			}
			if (existing && existing.hash !== hash) {
				return fail(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
			}
			if (existing) {
				Object.assign(record, { status: 200, accepted: true, replayed: true });
				return send(res, 200, existing.body, limit.headers);
			}
			state.idempotency.set(idempotencyKey, { hash, pending: true, body: null });
		}
		if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.ms));

		const failed = new Set(errors.map((e) => e.index));
		const receivedAt = Date.now();
		/** @type {{ id: string }[]} */
		const data = [];
		emails.forEach((email, index) => {
			if (failed.has(index)) return;
			const e = /** @type {Record<string, unknown>} */ (email);
			const id = randomUUID();
			data.push({ id });
			state.emails.push({
				id,
				from: String(e.from),
				to: (Array.isArray(e.to) ? e.to : [e.to]).map(String),
				subject: String(e.subject),
				html: typeof e.html === "string" ? e.html : null,
				text: typeof e.text === "string" ? e.text : null,
				headers: /** @type {Record<string, string>} */ (e.headers ?? {}),
				idempotencyKey,
				receivedAt,
				index,
				payload: e,
			});
		});
		const body = permissive ? { data, errors } : { data };
		if (idempotencyKey !== null) state.idempotency.set(idempotencyKey, { hash, pending: false, body });
		record.accepted = true;
		if (fault?.kind === "timeout_after_accept") {
			// Accepted and recorded, but the answer never comes: hold the socket until the client gives up.
			const timer = setTimeout(() => {
				state.held.delete(res);
				res.destroy();
			}, HOLD_MS);
			state.held.set(res, timer);
			res.on("close", () => {
				clearTimeout(timer);
				state.held.delete(res);
			});
			return;
		}
		record.status = 200;
		send(res, 200, body, limit.headers);
	}

	const server = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://fake").pathname;
		const route = `${req.method} ${path}`;
		readBody(req)
			.then((raw) => {
				if (raw === null) return send(res, 413, apiError(413, "validation_error", "Request body too large."));
				if (route === "POST /emails/batch") return handleBatch(req, res, raw);
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
