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
	return null;
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
