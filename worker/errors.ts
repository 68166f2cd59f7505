import type { ApiIssue } from "./contracts/common";

/** Every error the API answers with, and the HTTP status it maps to. */
export const ERROR_STATUS = {
	bad_request: 400,
	validation_failed: 400,
	unauthorized: 401,
	forbidden: 403,
	csrf_failed: 403,
	not_found: 404,
	conflict: 409,
	editor_conflict: 409,
	approval_required: 409,
	payload_too_large: 413,
	unsupported_media_type: 415,
	unprocessable: 422,
	provider_key_invalid: 422,
	rate_limited: 429,
	internal_error: 500,
	service_unavailable: 503,
	assistant_not_configured: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
	readonly status: (typeof ERROR_STATUS)[ErrorCode];

	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly issues?: ApiIssue[],
		readonly headers?: Record<string, string>,
	) {
		super(message);
		this.name = "ApiError";
		this.status = ERROR_STATUS[code];
	}
}

export const notFound = (what: string) => new ApiError("not_found", `${what} not found`);
export const forbidden = (message = "Your role does not allow this action") => new ApiError("forbidden", message);
