import { type ErrorResponse, Resend, type Response as ResendResponse } from "resend";

type ErrorName = ErrorResponse["name"];

const KNOWN_NAMES: ReadonlySet<string> = new Set<ErrorName>([
	"invalid_idempotency_key",
	"validation_error",
	"missing_api_key",
	"restricted_api_key",
	"invalid_api_key",
	"not_found",
	"method_not_allowed",
	"invalid_idempotent_request",
	"concurrent_idempotent_requests",
	"invalid_attachment",
	"invalid_from_address",
	"invalid_access",
	"invalid_parameter",
	"invalid_region",
	"missing_required_field",
	"monthly_quota_exceeded",
	"daily_quota_exceeded",
	"rate_limit_exceeded",
	"security_error",
	"application_error",
	"internal_server_error",
]);

const isErrorName = (name: unknown): name is ErrorName => typeof name === "string" && KNOWN_NAMES.has(name);

/** The JSON error body's name and message when there is one (a proxy's HTML page has neither). */
function bodyOf(raw: string): { name?: unknown; message?: unknown } {
	try {
		const parsed: unknown = JSON.parse(raw);
		return typeof parsed === "object" && parsed !== null ? parsed : {};
	} catch {
		return {};
	}
}

/**
 * The official SDK, except that every error carries the answer's HTTP status as `statusCode`. The SDK takes
 * `statusCode` from the JSON body, so a 500 whose body lacks it comes back without one, and a proxy's HTML 503
 * as a generic `application_error`: Pulse classifies failures by the HTTP status instead. `statusCode: null`
 * still means no answer at all (network error, timeout): the call may or may not have reached Resend.
 */
export class StatusReportingResend extends Resend {
	override async fetchRequest<T>(path: string, options: RequestInit = {}): Promise<ResendResponse<T>> {
		let response: globalThis.Response;
		try {
			response = await fetch(`${this.baseUrl}${path}`, options);
		} catch (error) {
			const message = `Unable to fetch data: ${String(error)}`;
			return { data: null, error: { name: "application_error", statusCode: null, message }, headers: null };
		}
		const headers = Object.fromEntries(response.headers.entries());
		try {
			if (response.ok) return { data: (await response.json()) as T, error: null, headers };
			const body = bodyOf(await response.text());
			const name = isErrorName(body.name) ? body.name : "application_error";
			const message =
				typeof body.message === "string" ? body.message : response.statusText || `HTTP ${response.status}`;
			return { data: null, error: { name, message, statusCode: response.status }, headers };
		} catch (error) {
			// The answer's body was lost on the way (a dropped connection, a timeout while reading).
			const message = `HTTP ${response.status}, body unreadable: ${String(error)}`;
			return { data: null, error: { name: "application_error", statusCode: null, message }, headers };
		}
	}
}
