import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { AppType } from "../../../../worker/app";
import type { ApiIssue, ErrorBody } from "../../../../worker/contracts/common";

/** The one typed client for the Pulse API; the session cookie travels with every same-origin request. */
export const api = hc<AppType>("/", { init: { credentials: "same-origin" } }).api.v1;

/** A failed API call: the body's `{code, message, issues}`, plus the HTTP status. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly issues: ApiIssue[] = [],
	) {
		super(message);
		this.name = "ApiError";
	}

	/** The message for one field (`issues[].path`), if the API named it. */
	field(path: string): string | undefined {
		return this.issues.find((issue) => issue.path === path)?.message;
	}
}

type AnyResponse = ClientResponse<unknown, number, string>;
type SuccessBody<R> =
	R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

function isErrorBody(body: unknown): body is ErrorBody {
	return typeof body === "object" && body !== null && "error" in body && typeof body.error === "object";
}

async function toApiError(response: Response): Promise<ApiError> {
	const body: unknown = await response.json().catch(() => null);
	if (isErrorBody(body)) {
		const { code, message, issues } = body.error;
		return new ApiError(response.status, code, message, issues ?? []);
	}
	if (response.status === 429)
		return new ApiError(429, "rate_limited", "Too many attempts. Wait a moment and try again.");
	return new ApiError(
		response.status,
		"http_error",
		`The server answered ${response.status} ${response.statusText}`.trim(),
	);
}

/** Awaits a client call and returns its success body, or throws an `ApiError` for any non-2xx answer. */
export async function call<R extends AnyResponse>(pending: Promise<R>): Promise<SuccessBody<R>> {
	let response: R;
	try {
		response = await pending;
	} catch {
		throw new ApiError(0, "network_error", "Cannot reach Pulse. Check your connection and try again.");
	}
	if (!response.ok) throw await toApiError(response as unknown as Response);
	return (await response.json()) as SuccessBody<R>;
}

/** A readable message for anything a call may throw. */
export function messageOf(error: unknown): string {
	if (error instanceof ApiError) return error.message;
	return error instanceof Error ? error.message : "Something went wrong";
}
