export type OriginCheck = { ok: true } | { ok: false; reason: string };

/**
 * DNS-rebinding protection for endpoints that act on credentials (MCP): a page on another site whose name
 * was made to point at Pulse sends its own Host and Origin. With APP_URL set, the Host must be APP_URL's;
 * an Origin, when sent, must be Pulse's own (APP_URL's, else the request's). Clients that are not browsers
 * send no Origin.
 */
export function checkRequestOrigin(input: {
	url: string;
	host: string | null;
	origin: string | null;
	appUrl: string | undefined;
}): OriginCheck {
	const own = new URL(input.appUrl || input.url);
	if (input.appUrl && input.host !== null && input.host.toLowerCase() !== own.host)
		return { ok: false, reason: `Host ${input.host} is not this Pulse (${own.host})` };
	if (input.origin === null) return { ok: true };
	let origin: string;
	try {
		origin = new URL(input.origin).origin;
	} catch {
		return { ok: false, reason: `Origin ${input.origin} is not a valid origin` };
	}
	return origin === own.origin ? { ok: true } : { ok: false, reason: `Origin ${origin} is not allowed` };
}
