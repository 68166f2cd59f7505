// `POST /emails/batch` on the fake Resend server, in the order Resend checks things: auth, the team's rate
// limit (headers on every answer from here on), quota, injected faults, the batch's shape, each email
// (strict: one invalid email refuses the call with 422; `x-batch-validation: permissive`: the valid ones
// are sent and the others listed in `errors: [{index, message}]`), then the Idempotency-Key (kept 24 h).

import { createHash, randomUUID } from "node:crypto";
import { drawRandomFault } from "./faults.mjs";
import { apiError, headerValue, parseJson, send } from "./http.mjs";
import { takeQuotaFault } from "./quota.mjs";
import { rateLimit } from "./rate-limit.mjs";
import { validateBatchShape, validateEmail } from "./validate.mjs";

/** @typedef {import("../fake-resend.mjs").FakeState} FakeState */
/** @typedef {import("../fake-resend.mjs").RequestRecord} RequestRecord */
/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

const HOLD_MS = 60_000;
/** Resend keeps an Idempotency-Key for 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const HTML_503 =
	"<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n";

/** The fake's clock: real time plus what the admin API moved it by. @param {FakeState} state */
export const clock = (state) => Date.now() + state.clockOffsetMs;

/** @param {FakeState} state @param {IncomingMessage} req @param {ServerResponse} res @param {string} raw */
export async function handleBatch(state, req, res, raw) {
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
		// The last four characters of the API key used, so tests can tell which account a request came from.
		keyTail: headerValue(req.headers.authorization)?.slice(-4) ?? null,
	};
	state.requests.push(record);
	/** @type {Record<string, string>} */
	let limitHeaders = {};
	/** @param {number} status @param {string} name @param {string} message @param {Record<string, string>} [headers] */
	const fail = (status, name, message, headers = {}) => {
		Object.assign(record, { status, error: name });
		send(res, status, apiError(status, name, message), { ...limitHeaders, ...headers });
	};

	const auth = headerValue(req.headers.authorization);
	if (!auth) return fail(401, "missing_api_key", "Missing API key in the authorization header.");
	if (!/^Bearer re_\S*$/.test(auth)) return fail(403, "invalid_api_key", "API key is invalid.");
	const limit = rateLimit(state, auth.slice("Bearer ".length), at);
	limitHeaders = limit.headers;
	if (limit.limited) return fail(429, "rate_limit_exceeded", "Too many requests. Please slow down.");
	const quota = takeQuotaFault(state, clock(state));
	if (quota) {
		record.fault = "quota";
		return fail(429, quota.name, quota.message, { "retry-after": String(quota.retryAfter) });
	}
	const parsed = parseJson(raw);
	if (!parsed.ok) return fail(400, "validation_error", "The request body is not valid JSON.");
	const emails = parsed.value;
	record.count = Array.isArray(emails) ? emails.length : 0;
	if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 256)) {
		return fail(400, "invalid_idempotency_key", "The idempotency key must be between 1-256 characters.");
	}

	const fault = state.faultQueue.shift() ?? (state.random ? drawRandomFault(state.random) : null);
	record.fault = fault?.kind ?? null;
	if (fault?.kind === "429") {
		const retryAfter = String(fault.retryAfter ?? 1);
		const headers = { "retry-after": retryAfter, "ratelimit-remaining": "0" };
		return fail(429, "rate_limit_exceeded", "Too many requests. Please slow down. (injected)", headers);
	}
	if (fault?.kind === "500") return fail(500, "internal_server_error", "An unexpected error occurred. (injected)");
	if (fault?.kind === "500_no_status") {
		Object.assign(record, { status: 500, error: "internal_server_error" });
		const body = { name: "internal_server_error", message: "An unexpected error occurred. (injected)" };
		return send(res, 500, body, limitHeaders);
	}
	if (fault?.kind === "503_html") {
		Object.assign(record, { status: 503, error: "html_503" });
		if (res.headersSent || res.destroyed) return;
		res.writeHead(503, { "content-type": "text/html", ...limitHeaders });
		return res.end(HTML_503);
	}
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
	if (firstError && !permissive) return fail(422, "validation_error", firstError.message);

	const hash = createHash("sha256")
		.update(`${permissive}|${JSON.stringify(emails)}`)
		.digest("hex");
	const now = clock(state);
	if (idempotencyKey !== null) {
		let existing = state.idempotency.get(idempotencyKey);
		if (existing && !existing.pending && now - existing.at >= IDEMPOTENCY_TTL_MS) {
			state.idempotency.delete(idempotencyKey);
			existing = undefined;
		}
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
			return send(res, 200, existing.body, limitHeaders);
		}
		state.idempotency.set(idempotencyKey, { hash, pending: true, body: null, at: now });
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
	if (idempotencyKey !== null) state.idempotency.set(idempotencyKey, { hash, pending: false, body, at: clock(state) });
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
	send(res, 200, body, limitHeaders);
}
