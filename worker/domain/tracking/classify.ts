/**
 * Which opens and clicks are people. Both kinds of machine traffic are kept (flagged), but
 * never count as engagement (unique opens and clicks, segments' `opened`/`clicked`).
 *
 * Opens flagged `machine` (Apple Mail Privacy Protection and other prefetching proxies):
 * - the request comes from Apple's proxy network (17.0.0.0/8), or
 * - the user agent is the bare "Mozilla/5.0" MPP sends, with no engine or client details, or
 * - the pixel is fetched within 2 seconds of the message being accepted (a person cannot read that fast).
 *
 * Clicks flagged `bot` (link scanners of security gateways):
 * - HEAD requests (scanners probe links without fetching them),
 * - known scanner and library user agents (Proofpoint, Mimecast, Barracuda, Safe Links, curl...),
 * - clicks within 10 seconds of delivery,
 * - links of one message hit together: two or more different links within 2 seconds (a scanner
 *   walks every link at once; a person reads between clicks).
 */
export type TrackingFlag = "machine" | "bot" | null;

const APPLE_PROXY = /^17\./;
const BARE_MOZILLA = /^Mozilla\/5\.0$/;
const SCANNER_AGENT =
	/bot|crawl|spider|scan|preview|proofpoint|mimecast|barracuda|safelinks|symantec|forcepoint|trend ?micro|sophos|fortinet|cisco|zscaler|checkpoint|python-requests|curl\/|wget|go-http-client|java\/|okhttp|headless|phantomjs|microsoft office|ms-office|outlook-safelinks/i;

export const MACHINE_OPEN_WINDOW_MS = 2_000;
export const BOT_CLICK_WINDOW_MS = 10_000;
export const ALL_LINKS_WINDOW_MS = 2_000;

export function classifyOpen(
	hit: { ip?: string | null; userAgent?: string | null; at: number },
	sentAt: number | null,
): TrackingFlag {
	const agent = (hit.userAgent ?? "").trim();
	if (hit.ip && APPLE_PROXY.test(hit.ip)) return "machine";
	if (BARE_MOZILLA.test(agent)) return "machine";
	if (sentAt !== null && hit.at - sentAt < MACHINE_OPEN_WINDOW_MS) return "machine";
	return null;
}

export function classifyClick(
	hit: { method: string; userAgent?: string | null; at: number },
	sentAt: number | null,
): TrackingFlag {
	if (hit.method.toUpperCase() === "HEAD") return "bot";
	if (SCANNER_AGENT.test(hit.userAgent ?? "")) return "bot";
	if (sentAt !== null && hit.at - sentAt < BOT_CLICK_WINDOW_MS) return "bot";
	return null;
}

/** Given the clicks of one message (link index and time), the indexes of those in a scanner burst. */
export function burstClicks(clicks: { link: number; at: number }[]): Set<number> {
	const flagged = new Set<number>();
	const ordered = clicks.map((c, i) => ({ ...c, i })).sort((a, b) => a.at - b.at);
	for (let start = 0; start < ordered.length; start++) {
		const first = ordered[start];
		if (!first) continue;
		const window = ordered.filter((c) => c.at >= first.at && c.at - first.at <= ALL_LINKS_WINDOW_MS);
		if (new Set(window.map((c) => c.link)).size >= 2) for (const c of window) flagged.add(c.i);
	}
	return flagged;
}

/** The 43-byte transparent 1×1 GIF. */
export const PIXEL_GIF = Uint8Array.from(atob("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="), (c) =>
	c.charCodeAt(0),
);
