import { isPrivateAddress, parseIpv4 } from "../journeys/webhook-url";

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

/** Cloudflare's resolver over HTTPS (JSON answers); reachable from Workers, where there is no other resolver. */
const DOH_URL = "https://cloudflare-dns.com/dns-query";
const A = 1;
const AAAA = 28;
const NXDOMAIN = 3;

type DohAnswer = { Status: number; Answer?: { type: number; data: string }[] };

/** The addresses a name resolves to (A and AAAA; the resolver follows CNAMEs), or an error when DNS did not answer. */
export async function resolveHost(fetcher: Fetcher, host: string): Promise<string[]> {
	const answers = await Promise.all(
		(["A", "AAAA"] as const).map(async (type) => {
			const res = await fetcher(`${DOH_URL}?name=${encodeURIComponent(host)}&type=${type}`, {
				headers: { accept: "application/dns-json" },
				signal: AbortSignal.timeout(3_000),
			});
			if (!res.ok) throw new Error(`DNS over HTTPS answered ${res.status}`);
			const body = (await res.json()) as DohAnswer;
			if (body.Status !== 0 && body.Status !== NXDOMAIN) throw new Error(`DNS answered status ${body.Status}`);
			return (body.Answer ?? []).filter((a) => a.type === A || a.type === AAAA).map((a) => a.data);
		}),
	);
	return answers.flat();
}

/**
 * Why a webhook URL's host is refused once resolved (a public name pointed at 10.0.0.5 or 169.254.169.254),
 * or null. Address literals were checked by webhookUrlProblem already. A name that does not resolve, or a
 * resolver that does not answer, is refused too: the check fails closed.
 */
export async function resolvedHostProblem(fetcher: Fetcher, url: string): Promise<string | null> {
	const host = new URL(url).hostname.replace(/\.$/, "");
	if (host.startsWith("[") || parseIpv4(host)) return null;
	let addresses: string[];
	try {
		addresses = await resolveHost(fetcher, host);
	} catch (error) {
		return `The webhook host could not be resolved (${error instanceof Error ? error.message : String(error)})`;
	}
	if (addresses.length === 0) return "The webhook host does not resolve to an address";
	const inside = addresses.find(isPrivateAddress);
	return inside ? `The webhook host resolves to a private address (${inside})` : null;
}
