import { MAX_TRACKED_URL_CHARS } from "../tokens";

/**
 * The URL a link may safely point a browser at: absolute http(s) only, serialised by the URL parser
 * (tabs and newlines stripped, spaces and non-ASCII percent-encoded), so it can never break a
 * `Location` header. Null for anything else.
 */
export function safeHttpUrl(raw: string): string | null {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return null;
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return null;
	const href = url.href;
	// Printable ASCII only: anything else cannot go into a header.
	return /^[\x21-\x7e]+$/.test(href) ? href : null;
}

/** A link worth a click token: a safe absolute URL short enough for the token's size cap. */
export function trackableUrl(raw: string): string | null {
	const href = safeHttpUrl(raw);
	return href && href.length <= MAX_TRACKED_URL_CHARS ? href : null;
}
