import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";
import { MAX_IMPORT_BODY_BYTES, MAX_JSON_BODY_BYTES, MAX_WEBHOOK_BODY_BYTES, sizeText } from "../contracts/limits";
import { ApiError } from "../errors";
import { errorResponse } from "./errors";

/** A body cap answering 413 with the API's error body (checked on `content-length`, or counted while read). */
const capped = (maxSize: number): MiddlewareHandler<AppEnv> =>
	bodyLimit({
		maxSize,
		onError: (c) =>
			errorResponse(c, new ApiError("payload_too_large", `The request body is larger than ${sizeText(maxSize)}`)),
	});

const json = capped(MAX_JSON_BODY_BYTES);
const csvImport = capped(MAX_IMPORT_BODY_BYTES);
const webhook = capped(MAX_WEBHOOK_BODY_BYTES);

/**
 * Every request body is capped before anything reads it: JSON (the API, tracking, unsubscribe) at 1 MB,
 * a CSV import at 50 MB (the importer checks the file itself too), provider webhooks at 256 KB.
 */
export const bodyLimits: MiddlewareHandler<AppEnv> = (c, next) => {
	const path = c.req.path;
	if (path.startsWith("/webhooks/")) return webhook(c, next);
	if (c.req.method === "POST" && path === "/api/v1/contacts/import") return csvImport(c, next);
	return json(c, next);
};
