// Validation of a POST /emails/batch body, following Resend's documented limits.

export const MAX_BATCH = 100;
export const MAX_RECIPIENTS = 50;

/**
 * @param {unknown} value
 * @returns {value is string}
 */
function nonEmptyString(value) {
	return typeof value === "string" && value.trim() !== "";
}

export const MAX_TAG_LENGTH = 256;
const TAG_TEXT = /^[A-Za-z0-9_-]+$/;
const ADDRESS =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Whether `value` is an address Resend accepts: `email@example.com` or `Name <email@example.com>`.
 * @param {string} value
 */
export function isAddress(value) {
	// The address is the last `<...>` at the end; the display name before it may quote anything, even `<`.
	const named = /<([^<>]+)>$/.exec(value.trim());
	const address = named ? (named[1] ?? "") : value.trim();
	return address.length <= 320 && ADDRESS.test(address) && !address.includes("..");
}

/** @param {string} field */
const invalidAddress = (field) =>
	`Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`;

/**
 * The address fields of one email (`from`, `to`, `cc`, `bcc`, `reply_to`), or an error message.
 * @param {Record<string, unknown>} e
 * @param {string} at
 * @returns {string | null}
 */
function validateAddresses(e, at) {
	if (!isAddress(String(e.from))) return `${at}.from: ${invalidAddress("from")}`;
	for (const field of ["to", "cc", "bcc", "reply_to", "replyTo"]) {
		const value = e[field];
		if (value === undefined || value === null) continue;
		const list = Array.isArray(value) ? value : [value];
		const name = field === "replyTo" ? "reply_to" : field;
		if (!list.every((a) => typeof a === "string" && isAddress(a))) return `${at}.${name}: ${invalidAddress(name)}`;
	}
	return null;
}

/**
 * Tags as Resend takes them: `[{name, value}]`, each only ASCII letters, numbers, underscores or dashes, at most
 * 256 characters.
 * @param {unknown} tags
 * @param {string} at
 * @returns {string | null}
 */
function validateTags(tags, at) {
	if (tags === undefined) return null;
	if (!Array.isArray(tags)) return `${at}.tags must be an array of { name, value }`;
	for (const [i, tag] of tags.entries()) {
		const { name, value } = /** @type {{ name?: unknown; value?: unknown }} */ (tag ?? {});
		for (const [part, text] of /** @type {const} */ ([
			["name", name],
			["value", value],
		])) {
			if (typeof text !== "string" || text.length === 0 || text.length > MAX_TAG_LENGTH)
				return `${at}.tags[${i}].${part}: The tag ${part} must be between 1 and ${MAX_TAG_LENGTH} characters.`;
			if (!TAG_TEXT.test(text))
				return `${at}.tags[${i}].${part}: Tags should only contain ASCII letters, numbers, underscores, or dashes.`;
		}
	}
	return null;
}

/**
 * Returns an error message for one email of a batch, or null when it is valid.
 * @param {unknown} email
 * @param {number} index
 * @returns {string | null}
 */
export function validateEmail(email, index) {
	const at = `emails[${index}]`;
	if (typeof email !== "object" || email === null || Array.isArray(email)) return `${at} must be an object`;
	const e = /** @type {Record<string, unknown>} */ (email);
	if (!nonEmptyString(e.from)) return `${at}.from: The \`from\` field is required`;
	const to = e.to;
	if (Array.isArray(to)) {
		if (to.length === 0) return `${at}.to: The \`to\` field must contain at least one address`;
		if (to.length > MAX_RECIPIENTS) return `${at}.to: The \`to\` field can contain at most ${MAX_RECIPIENTS} addresses`;
		if (!to.every(nonEmptyString)) return `${at}.to: every \`to\` address must be a non-empty string`;
	} else if (!nonEmptyString(to)) {
		return `${at}.to: The \`to\` field is required`;
	}
	if (!nonEmptyString(e.subject)) return `${at}.subject: The \`subject\` field is required`;
	const hasBody =
		nonEmptyString(e.html) || nonEmptyString(e.text) || (typeof e.template === "object" && e.template !== null);
	if (!hasBody) return `${at}.html: one of \`html\` or \`text\` is required`;
	if (Array.isArray(e.attachments) && e.attachments.length > 0) {
		return `${at}.attachments: Attachments are not supported in batch sending`;
	}
	if (e.headers !== undefined && (typeof e.headers !== "object" || e.headers === null || Array.isArray(e.headers))) {
		return `${at}.headers must be an object`;
	}
	return validateAddresses(e, at) ?? validateTags(e.tags, at);
}

/**
 * Checks the shape of the whole batch (not the emails themselves).
 * @param {unknown} body
 * @returns {string | null}
 */
export function validateBatchShape(body) {
	if (!Array.isArray(body)) return "The request body must be an array of emails";
	if (body.length === 0 || body.length > MAX_BATCH) {
		return `The batch must contain between 1 and ${MAX_BATCH} emails (got ${body.length})`;
	}
	return null;
}
