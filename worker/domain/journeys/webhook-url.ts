/*
 * Where a journey's webhook step may POST: https to a public host; plain http only to this machine while Pulse
 * runs locally. Private, loopback (in production), link-local and unspecified addresses are refused, so a journey
 * cannot be pointed at the network Pulse runs in.
 */

const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isPrivateIpv4(host: string): boolean {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (!m) return false;
	const [a, b] = [Number(m[1]), Number(m[2])];
	return (
		a === 0 ||
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		a >= 224
	);
}

function isPrivateHost(host: string): boolean {
	if (isPrivateIpv4(host)) return true;
	if (!host.startsWith("[")) return host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal");
	const v6 = host.slice(1, -1).toLowerCase();
	return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("::ffff:");
}

/** Why a webhook URL is refused, or null when a journey may call it. */
export function webhookUrlProblem(text: string, options: { local: boolean }): string | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return "Not a URL";
	}
	if (url.username || url.password) return "A webhook URL cannot carry a user name or password";
	const host = url.hostname.toLowerCase();
	if (options.local && LOCAL_NAMES.has(host) && (url.protocol === "http:" || url.protocol === "https:")) return null;
	if (url.protocol !== "https:") return "A webhook URL must use https";
	if (isPrivateHost(host)) return "A webhook cannot call a private, loopback or link-local address";
	return null;
}
