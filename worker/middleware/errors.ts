import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../context";
import type { ErrorBody } from "../contracts/common";
import { ApiError } from "../errors";
import { log } from "../log";

function toApiError(err: unknown): ApiError {
	if (err instanceof ApiError) return err;
	if (err instanceof HTTPException) {
		if (err.status === 400) return new ApiError("bad_request", err.message || "The request body is not valid JSON");
		if (err.status === 413) return new ApiError("payload_too_large", "The request body is too large");
		if (err.status === 415) return new ApiError("unsupported_media_type", "Send the body as application/json");
		if (err.status === 401) return new ApiError("unauthorized", err.message || "Sign in to continue");
		if (err.status === 404) return new ApiError("not_found", err.message || "Not found");
	}
	// A write raced another one to the same unique value (e.g. two signups with one email).
	if (err instanceof Error && /UNIQUE constraint failed/.test(err.message)) {
		return new ApiError("conflict", "This already exists");
	}
	return new ApiError("internal_error", "Something went wrong on our side; the request id helps us find it");
}

export function errorResponse(c: Context<AppEnv>, error: ApiError) {
	const body: ErrorBody = {
		error: {
			code: error.code,
			message: error.message,
			issues: error.issues ?? [],
			request_id: c.get("requestId") ?? "unknown",
		},
	};
	for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
	c.header("x-request-id", body.error.request_id);
	return c.json(body, error.status);
}

/** The app's `onError`: every failure leaves as the one JSON error body, never a stack trace. */
export function handleError(err: unknown, c: Context<AppEnv>) {
	const apiError = toApiError(err);
	if (apiError.code === "internal_error") {
		log(c, "error", "unhandled error", {
			method: c.req.method,
			path: new URL(c.req.url).pathname,
			error: err instanceof Error ? err.stack : String(err),
		});
	}
	return errorResponse(c, apiError);
}
