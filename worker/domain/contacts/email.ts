// Strict address check: an unquoted ASCII dot-atom local part (RFC 5322 atext) and a DNS host name
// (letters, digits and hyphens; internationalised domains in their xn-- form). No quoted local parts,
// no IP literals, no whitespace, control or text-direction characters: what is accepted here can be
// written into a To, From or Reply-To header as it is.
import { UNSAFE_HEADER_CHARACTERS } from "../../contracts/sender";

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const UNSAFE_GLOBAL = new RegExp(UNSAFE_HEADER_CHARACTERS.source, "g");

/** The address as typed, in quotes, with invisible and control characters shown as \uXXXX. */
const show = (raw: string) =>
	`"${raw.trim().replace(UNSAFE_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };
export type DomainCheck = { ok: true; domain: string } | { ok: false; reason: string };

/** Lower-cases a host name and checks it is a public-looking DNS name (not an IP address, no empty labels). */
export function normalizeDomainName(raw: string): DomainCheck {
	const domain = raw.trim().toLowerCase();
	const refuse = { ok: false as const, reason: `${show(raw)} is not a valid domain name` };
	if (domain === "" || domain.length > 253) return refuse;
	const labels = domain.split(".");
	if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return refuse;
	if (!TOP_LEVEL.test(labels[labels.length - 1] ?? "")) return refuse;
	return { ok: true, domain };
}

/** Trims and lower-cases an address, and says why it is refused when it is not deliverable-looking. */
export function normalizeEmail(raw: string): EmailCheck {
	const email = raw.trim().toLowerCase();
	const shown = show(raw);
	if (email === "") return { ok: false, reason: "Email is empty" };
	if (email.length > 254) return { ok: false, reason: "Email is longer than 254 characters" };
	const at = email.lastIndexOf("@");
	if (at < 0) return { ok: false, reason: `${shown} has no @` };
	const local = email.slice(0, at);
	const invalid = { ok: false as const, reason: `${shown} is not a valid email address` };
	if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) return invalid;
	if (!normalizeDomainName(email.slice(at + 1)).ok) return invalid;
	return { ok: true, email };
}
