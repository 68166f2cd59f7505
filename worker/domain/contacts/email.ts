// Practical address check: one @, a dotted domain with a 2+ letter TLD, no spaces or control characters.
const EMAIL_PATTERN =
	/^[^\s@"<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

/** Trims and lower-cases an address, and says why it is refused when it is not deliverable-looking. */
export function normalizeEmail(raw: string): EmailCheck {
	const email = raw.trim().toLowerCase();
	if (email === "") return { ok: false, reason: "Email is empty" };
	if (email.length > 254) return { ok: false, reason: "Email is longer than 254 characters" };
	if (!email.includes("@")) return { ok: false, reason: `"${raw.trim()}" has no @` };
	if (!EMAIL_PATTERN.test(email)) return { ok: false, reason: `"${raw.trim()}" is not a valid email address` };
	const local = email.slice(0, email.lastIndexOf("@"));
	if (local.length > 64 || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
		return { ok: false, reason: `"${raw.trim()}" is not a valid email address` };
	}
	return { ok: true, email };
}
