/** Namespaces of the keys Pulse's own integrations give their events (`shopify:order:<id>`). */
const RESERVED = ["shopify:"];

/**
 * An idempotency key from a caller (the API, an ingest key, the assistant) as it is stored: one in an
 * integration's namespace moves under `api:`, so no caller can take the key of an event an integration has yet
 * to record (a `messageId` of "shopify:order:1" must not make the real order 1 a "duplicate").
 */
export function callerIdempotencyKey(key: string): string {
	const lower = key.toLowerCase();
	return RESERVED.some((prefix) => lower.startsWith(prefix)) ? `api:${key}` : key;
}
