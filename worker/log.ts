import type { Context } from "hono";
import type { AppEnv } from "./context";

export type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * One structured JSON log line, always with the request id (from the request's context, or given), so a
 * request's lines can be found together in `wrangler tail` or Workers Logs.
 */
export function log(
	from: Context<AppEnv> | string | null,
	level: LogLevel,
	msg: string,
	fields: Record<string, unknown> = {},
) {
	const requestId = typeof from === "string" || from === null ? from : (from.get("requestId") ?? null);
	const line = JSON.stringify({ level, msg, request_id: requestId, at: new Date().toISOString(), ...fields });
	if (level === "error") console.error(line);
	else if (level === "warn") console.warn(line);
	else console.log(line);
}
