/*
 * Where Pulse may POST a webhook (a journey's webhook step, a workspace's webhook endpoint): https to a public host;
 * plain http only to this machine while Pulse runs locally. Private (10/8, 172.16/12, 192.168/16, 100.64/10,
 * fc00::/7), loopback (in production), link-local (169.254/16 with the cloud metadata service, fe80::/10),
 * unspecified and multicast addresses are refused, and so are names that only resolve inside a network
 * (`localhost`, `*.internal` such as `metadata.google.internal`, `*.local`, single-label names), so a webhook cannot
 * be pointed at the network Pulse runs in. IPv4 written as one number (`2130706433`), in octal (`0177.0.0.1`) or
 * hex (`0x7f.1`) is read as the address it names before the check, as IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is.
 * Names built to resolve to a chosen address (`10.0.0.1.nip.io`, `lvh.me`) are refused too. What a public name
 * resolves to is checked in production at registration and before each delivery (worker/services/webhook-fetch.ts).
 */

const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const INTERNAL_SUFFIXES = [".localhost", ".internal", ".local", ".localdomain", ".home.arpa", ".lan", ".intranet"];

/** One part of an IPv4 address as inet_aton reads it: decimal, `0`-prefixed octal or `0x` hex. */
function ipv4Part(part: string): number | null {
	if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
	if (/^0[0-7]+$/.test(part)) return Number.parseInt(part.slice(1), 8);
	if (/^(0|[1-9][0-9]*)$/.test(part)) return Number(part);
	return null;
}

/** The IPv4 address a host names (in any of inet_aton's forms) as four bytes, or null when it is not one. */
export function parseIpv4(host: string): [number, number, number, number] | null {
	const parts = host.split(".");
	if (parts.length > 4 || parts.some((p) => p === "")) return null;
	const numbers = parts.map(ipv4Part);
	if (numbers.some((n) => n === null)) return null;
	const values = numbers as number[];
	const last = values.pop() ?? 0;
	if (values.some((n) => n > 255) || last >= 256 ** (4 - values.length)) return null;
	let address = last;
	values.forEach((n, i) => {
		address += n * 256 ** (3 - i);
	});
	return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255];
}

function isPrivateIpv4([a, b, c]: [number, number, number, number]): boolean {
	return (
		a === 0 ||
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 192 && b === 0 && c === 0) ||
		(a === 198 && (b === 18 || b === 19)) ||
		a >= 224
	);
}

/** IPv6 hosts (without brackets) that are not global unicast: loopback, unspecified, mapped, ULA, link-local, ... */
function isPrivateIpv6(v6: string): boolean {
	return (
		v6.startsWith("::") || // ::, ::1, IPv4-compatible and IPv4-mapped (::ffff:a.b.c.d)
		/^f[cd]/.test(v6) || // unique local fc00::/7
		/^fe[89a-f]/.test(v6) || // link-local fe80::/10 and the old site-local
		v6.startsWith("ff") || // multicast
		v6.startsWith("64:ff9b:") // NAT64 (names an IPv4 address)
	);
}

/**
 * Public names that answer with whatever address is written in them (`10.0.0.1.nip.io`, `127-0-0-1.sslip.io`) or
 * always with loopback (`lvh.me`, `localtest.me`): the classic way round an address check, so they are refused whole.
 */
const REBINDING_SUFFIXES = [
	"nip.io",
	"sslip.io",
	"xip.io",
	"traefik.me",
	"local.gd",
	"lvh.me",
	"localtest.me",
	"vcap.me",
	"lacolhost.com",
	"localhost.direct",
	"fuf.me",
];

/** A name carrying a private IPv4 address in its labels (`10.0.0.1.example.com`, `api-192-168-0-1.example.com`). */
function embedsPrivateIpv4(host: string): boolean {
	const runs = host.match(/(?:^|[.-])(\d{1,3}(?:[.-]\d{1,3}){3})(?=$|[.-])/g) ?? [];
	return runs.some((run) => {
		const ipv4 = parseIpv4(run.replace(/^[.-]/, "").replaceAll("-", "."));
		return ipv4 !== null && isPrivateIpv4(ipv4);
	});
}

/** A resolved address (as DNS answers it, IPv4 dotted or IPv6 text) that a webhook must not reach. */
export function isPrivateAddress(address: string): boolean {
	if (address.includes(":")) {
		try {
			return isPrivateIpv6(new URL(`http://[${address}]/`).hostname.slice(1, -1));
		} catch {
			return true;
		}
	}
	const ipv4 = parseIpv4(address);
	return ipv4 === null || isPrivateIpv4(ipv4);
}

function isPrivateHost(host: string): boolean {
	const ipv4 = parseIpv4(host);
	if (ipv4) return isPrivateIpv4(ipv4);
	if (host.startsWith("[")) return isPrivateIpv6(host.slice(1, -1));
	if (/^[0-9.]+$/.test(host) || /^0x/i.test(host)) return true; // a number that is no address
	if (!host.includes(".")) return true; // a single-label name resolves only inside a network
	if (REBINDING_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return true;
	if (embedsPrivateIpv4(host)) return true;
	return host === "localhost" || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** Why a webhook URL is refused, or null when Pulse may call it. `local`: Pulse runs on this machine. */
export function webhookUrlProblem(text: string, options: { local: boolean }): string | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return "Not a URL";
	}
	if (url.username || url.password) return "A webhook URL cannot carry a user name or password";
	const host = url.hostname.toLowerCase().replace(/\.$/, "");
	if (options.local && LOCAL_NAMES.has(host) && (url.protocol === "http:" || url.protocol === "https:")) return null;
	if (url.protocol !== "https:") return "A webhook URL must use https";
	if (isPrivateHost(host)) return "A webhook cannot call a private, loopback, link-local or internal address";
	return null;
}
