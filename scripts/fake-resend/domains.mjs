// Resend's domains API on the fake server: POST /domains, GET /domains, GET /domains/:id,
// POST /domains/:id/verify, DELETE /domains/:id. A new domain is `not_started` with its DNS records;
// verifying makes it `verified`, unless a test set another outcome through `POST /__admin/domains`.

import { randomUUID } from "node:crypto";
import { apiError, parseJson, send } from "./http.mjs";

/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {"not_started" | "pending" | "verified" | "failed" | "temporary_failure"} DomainStatus */
/**
 * @typedef {{ record: string; name: string; type: string; ttl: string; status: DomainStatus; value: string;
 *   priority?: number }} DomainRecord
 */
/** @typedef {{ id: string; name: string; status: DomainStatus; created_at: string; region: string; records: DomainRecord[] }} FakeDomain */
/** @typedef {{ domains: Map<string, FakeDomain>; verifyOutcomes: Map<string, DomainStatus> }} DomainState */

/** @type {readonly DomainStatus[]} */
export const DOMAIN_OUTCOMES = ["pending", "verified", "failed", "temporary_failure"];

const NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** @param {string} name @param {DomainStatus} status @returns {DomainRecord[]} */
function recordsFor(name, status) {
	return [
		{
			record: "SPF",
			name: `send.${name}`,
			type: "MX",
			ttl: "Auto",
			status,
			value: "feedback-smtp.us-east-1.amazonses.com",
			priority: 10,
		},
		{
			record: "SPF",
			name: `send.${name}`,
			type: "TXT",
			ttl: "Auto",
			status,
			value: "v=spf1 include:amazonses.com ~all",
		},
		{
			record: "DKIM",
			name: `resend._domainkey.${name}`,
			type: "TXT",
			ttl: "Auto",
			status,
			value: `p=MIGfMA0GCSqGSIb3DQEB${name.length}`,
		},
	];
}

/** @param {FakeDomain} d */
const listed = (d) => ({
	id: d.id,
	name: d.name,
	status: d.status,
	created_at: d.created_at,
	region: d.region,
	capabilities: { sending: "enabled", receiving: "disabled" },
});

/**
 * Handles `/domains` and `/domains/:id[/verify]` (already authenticated by the caller).
 * @param {DomainState} state
 * @param {string} method
 * @param {string} path
 * @param {string} raw
 * @param {ServerResponse} res
 */
export function handleDomains(state, method, path, raw, res) {
	const [, , id, action, extra] = path.split("/");
	const notFound = () => send(res, 404, apiError(404, "not_found", "Domain not found"));
	if (id === undefined || id === "") {
		if (method === "GET")
			return send(res, 200, { object: "list", has_more: false, data: [...state.domains.values()].map(listed) });
		if (method !== "POST") return send(res, 405, apiError(405, "method_not_allowed", "Method not allowed."));
		const parsed = parseJson(raw);
		const name =
			parsed.ok && typeof parsed.value === "object" && parsed.value !== null
				? /** @type {{ name?: unknown }} */ (parsed.value).name
				: undefined;
		if (typeof name !== "string" || !NAME.test(name)) {
			return send(res, 422, apiError(422, "validation_error", "The `name` field must be a valid domain name."));
		}
		if ([...state.domains.values()].some((d) => d.name === name)) {
			return send(res, 403, apiError(403, "validation_error", `The ${name} domain has been registered already.`));
		}
		/** @type {FakeDomain} */
		const domain = {
			id: randomUUID(),
			name,
			status: "not_started",
			created_at: new Date().toISOString(),
			region: "us-east-1",
			records: recordsFor(name, "not_started"),
		};
		state.domains.set(domain.id, domain);
		return send(res, 201, { ...listed(domain), records: domain.records });
	}
	const domain = state.domains.get(id);
	if (!domain || extra !== undefined) return notFound();
	if (action === undefined && method === "GET")
		return send(res, 200, { object: "domain", ...listed(domain), records: domain.records });
	if (action === undefined && method === "DELETE") {
		state.domains.delete(id);
		return send(res, 200, { object: "domain", id, deleted: true });
	}
	if (action === "verify" && method === "POST") {
		const status = state.verifyOutcomes.get(domain.name) ?? "verified";
		domain.status = status;
		domain.records = recordsFor(domain.name, status);
		return send(res, 200, { object: "domain", id });
	}
	return send(res, 405, apiError(405, "method_not_allowed", "Method not allowed."));
}

/**
 * `POST /__admin/domains {name, outcome}`: what verifying `name` answers from now on (default `verified`).
 * @param {DomainState} state
 * @param {unknown} body
 * @returns {string | null} an error message, or null when set
 */
export function setVerifyOutcome(state, body) {
	const input = /** @type {{ name?: unknown; outcome?: unknown } | null} */ (body);
	if (typeof input?.name !== "string") return "name must be a domain name";
	const outcome = DOMAIN_OUTCOMES.find((o) => o === input.outcome);
	if (!outcome) return `outcome must be one of ${DOMAIN_OUTCOMES.join(", ")}`;
	state.verifyOutcomes.set(input.name, outcome);
	return null;
}
