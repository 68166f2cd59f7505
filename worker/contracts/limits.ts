/**
 * Size caps on what callers may send. Every JSON body is capped as a whole (the body-limit middleware);
 * the fields below are capped on their own so one field cannot fill a row (D1 refuses rows over 2 MB)
 * and a segment cannot grow into an expensive query.
 */
export const KB = 1024;
export const MB = 1024 * KB;

/** Any JSON request body of the API. */
export const MAX_JSON_BODY_BYTES = 1 * MB;
/** A CSV file sent to `POST /api/v1/contacts/import`. */
export const MAX_IMPORT_BODY_BYTES = 50 * MB;
/** A provider webhook (Resend sends a few KB). */
export const MAX_WEBHOOK_BODY_BYTES = 256 * KB;

/** An event's `properties`, serialized as JSON. */
export const MAX_EVENT_PROPERTIES_BYTES = 32 * KB;
/** A contact's `attributes` as sent, serialized as JSON. */
export const MAX_ATTRIBUTES_BYTES = 32 * KB;
/** A segment definition, serialized as JSON. */
export const MAX_SEGMENT_DEFINITION_BYTES = 32 * KB;

const encoder = new TextEncoder();

/** The UTF-8 size of a value written as JSON (what D1 stores). */
export function jsonBytes(value: unknown): number {
	return encoder.encode(JSON.stringify(value) ?? "").length;
}

/** "32 KB", "1 MB": a size for messages (rounded). */
export const sizeText = (bytes: number) =>
	bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
