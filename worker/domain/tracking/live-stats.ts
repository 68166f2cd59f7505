import type { CampaignStats } from "../../contracts/campaigns";
import type { LiveCounter, StatsDelta } from "../../contracts/live";

/** Links a campaign's numbers list, most clicked first (as `GET /campaigns/:id/stats`). */
const MAX_LINKS = 100;
const HOUR_MS = 3_600_000;

export const emptyDelta = (): StatsDelta => ({ counts: {}, links: [], timeline: [], reconcile: false });

export function isEmptyDelta(delta: StatsDelta): boolean {
	return (
		!delta.reconcile &&
		delta.links.length === 0 &&
		delta.timeline.length === 0 &&
		Object.values(delta.counts).every((n) => !n)
	);
}

export function addCount(delta: StatsDelta, counter: LiveCounter, n = 1) {
	if (n !== 0) delta.counts[counter] = (delta.counts[counter] ?? 0) + n;
}

export function addLink(delta: StatsDelta, url: string, clicks: number, uniqueClicks: number) {
	const link = delta.links.find((l) => l.url === url);
	if (link) {
		link.clicks += clicks;
		link.unique_clicks += uniqueClicks;
	} else delta.links.push({ url, clicks, unique_clicks: uniqueClicks });
}

/** An open or click in its hour; machine opens and bot clicks make the hour appear without counting in it. */
export function addEngagement(delta: StatsDelta, at: number, kind: "open" | "click", human: boolean) {
	const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
	let bucket = delta.timeline.find((t) => t.hour === hour);
	if (!bucket) {
		bucket = { hour, opens: 0, clicks: 0 };
		delta.timeline.push(bucket);
	}
	if (!human) return;
	if (kind === "open") bucket.opens++;
	else bucket.clicks++;
}

/** How one message in a status counts in a campaign's numbers (see `campaignStats`). */
function contribution(status: string): Partial<Record<LiveCounter, number>> {
	switch (status) {
		case "queued":
		case "failed":
		case "suppressed":
		case "cancelled":
		case "capped":
			return { [status]: 1 };
		case "sent":
			return { sent: 1 };
		case "delivered":
			return { sent: 1, delivered: 1 };
		case "bounced":
			return { sent: 1, bounced: 1 };
		case "complained":
			return { sent: 1, delivered: 1, complained: 1 };
		default:
			return {};
	}
}

/** The change in a campaign's numbers when one of its messages moves from one status to another. */
export function addStatusChange(delta: StatsDelta, from: string, to: string) {
	for (const [counter, n] of Object.entries(contribution(from))) addCount(delta, counter as LiveCounter, -(n ?? 0));
	for (const [counter, n] of Object.entries(contribution(to))) addCount(delta, counter as LiveCounter, n ?? 0);
}

/** Adds one delta into another (deltas of several batches waiting for the same push). */
export function mergeDelta(into: StatsDelta, delta: StatsDelta) {
	for (const [counter, n] of Object.entries(delta.counts)) addCount(into, counter as LiveCounter, n ?? 0);
	for (const link of delta.links) addLink(into, link.url, link.clicks, link.unique_clicks);
	for (const t of delta.timeline) {
		const bucket = into.timeline.find((b) => b.hour === t.hour);
		if (bucket) {
			bucket.opens += t.opens;
			bucket.clicks += t.clicks;
		} else into.timeline.push({ ...t });
	}
	into.reconcile ||= delta.reconcile;
}

/** A campaign's numbers moved by a delta; `audience` follows the message counts. */
export function applyDelta(stats: CampaignStats, delta: StatsDelta): CampaignStats {
	const next: CampaignStats = { ...stats };
	for (const [counter, n] of Object.entries(delta.counts)) {
		const key = counter as LiveCounter;
		next[key] = Math.max(0, (next[key] ?? 0) + (n ?? 0));
	}
	next.audience = next.queued + next.sent + next.failed + next.suppressed + next.cancelled + (next.capped ?? 0);
	if (delta.links.length > 0) {
		const links = stats.links.map((l) => ({ ...l }));
		for (const change of delta.links) {
			const link = links.find((l) => l.url === change.url);
			if (link) {
				link.clicks += change.clicks;
				link.unique_clicks += change.unique_clicks;
			} else links.push({ ...change });
		}
		next.links = links.sort((a, b) => b.clicks - a.clicks).slice(0, MAX_LINKS);
	}
	if (delta.timeline.length > 0) {
		const timeline = new Map(stats.timeline.map((t) => [Date.parse(t.at), { ...t }]));
		for (const change of delta.timeline) {
			const bucket = timeline.get(change.hour) ?? { at: new Date(change.hour).toISOString(), opens: 0, clicks: 0 };
			bucket.opens += change.opens;
			bucket.clicks += change.clicks;
			timeline.set(change.hour, bucket);
		}
		next.timeline = [...timeline.entries()].sort(([a], [b]) => a - b).map(([, t]) => t);
	}
	return next;
}
