// Small HTTP helpers shared by the fake Resend server.

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** @param {number} statusCode @param {string} name @param {string} message */
export const apiError = (statusCode, name, message) => ({ statusCode, name, message });

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function send(res, status, body, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, { "content-type": "application/json", ...headers });
	res.end(JSON.stringify(body));
}

/** @param {IncomingMessage} req @returns {Promise<string | null>} null when the body is too large */
export async function readBody(req) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) return null;
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString("utf8");
}

/** @param {string} text @returns {{ ok: true; value: unknown } | { ok: false }} */
export function parseJson(text) {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** @param {string | string[] | undefined} value */
export const headerValue = (value) => (Array.isArray(value) ? value[0] : value);
