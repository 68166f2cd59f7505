import type { CampaignStats, CampaignStatus, MESSAGE_STATUSES } from "../contracts/campaigns";
import { pageOf, startAfter } from "./pagination";

type StatusCounts = Record<
	"queued" | "sent" | "delivered" | "bounced" | "complained" | "failed" | "suppressed" | "cancelled",
	number
>;

/**
 * A campaign's numbers, from D1 (the source of truth). `sent` counts every message the provider
 * accepted (some since delivered, bounced or complained), so they reconcile by construction:
 * audience = queued + sent + failed + suppressed + cancelled. Machine opens and bot clicks are
 * counted apart and never in the unique (engagement) figures.
 */
export async function campaignStats(
	d1: D1Database,
	campaignId: string,
	status: CampaignStatus,
): Promise<CampaignStats> {
	const [byStatus, tracking, links, timeline] = await d1.batch([
		d1.prepare("SELECT status, count(*) AS n FROM messages WHERE campaign_id = ? GROUP BY status").bind(campaignId),
		d1
			.prepare(
				`SELECT
				   sum(kind = 'open') AS opens, count(DISTINCT CASE WHEN kind = 'open' AND flag IS NULL THEN contact_id END) AS unique_opens,
				   sum(kind = 'open' AND flag = 'machine') AS machine_opens,
				   sum(kind = 'click') AS clicks, count(DISTINCT CASE WHEN kind = 'click' AND flag IS NULL THEN contact_id END) AS unique_clicks,
				   sum(kind = 'click' AND flag = 'bot') AS bot_clicks,
				   count(DISTINCT CASE WHEN kind = 'unsubscribe' THEN contact_id END) AS unsubscribed
				 FROM tracking_events WHERE campaign_id = ?`,
			)
			.bind(campaignId),
		d1
			.prepare(
				"SELECT url, count(*) AS clicks, count(DISTINCT CASE WHEN flag IS NULL THEN contact_id END) AS unique_clicks FROM tracking_events WHERE campaign_id = ? AND kind = 'click' GROUP BY url ORDER BY clicks DESC LIMIT 100",
			)
			.bind(campaignId),
		d1
			.prepare(
				"SELECT (occurred_at / 3600000) * 3600000 AS hour, sum(kind = 'open' AND flag IS NULL) AS opens, sum(kind = 'click' AND flag IS NULL) AS clicks FROM tracking_events WHERE campaign_id = ? AND kind IN ('open', 'click') GROUP BY hour ORDER BY hour",
			)
			.bind(campaignId),
	]);
	const counts: StatusCounts = {
		queued: 0,
		sent: 0,
		delivered: 0,
		bounced: 0,
		complained: 0,
		failed: 0,
		suppressed: 0,
		cancelled: 0,
	};
	for (const row of (byStatus?.results ?? []) as { status: keyof StatusCounts; n: number }[])
		counts[row.status] = row.n;
	const t = ((tracking?.results ?? [])[0] ?? {}) as Record<string, number | null>;
	const n = (key: string) => Number(t[key] ?? 0);
	return {
		status,
		audience: Object.values(counts).reduce((a, b) => a + b, 0),
		queued: counts.queued,
		sent: counts.sent + counts.delivered + counts.bounced + counts.complained,
		delivered: counts.delivered + counts.complained,
		failed: counts.failed,
		suppressed: counts.suppressed,
		cancelled: counts.cancelled,
		bounced: counts.bounced,
		complained: counts.complained,
		unsubscribed: n("unsubscribed"),
		opens: n("opens"),
		unique_opens: n("unique_opens"),
		machine_opens: n("machine_opens"),
		clicks: n("clicks"),
		unique_clicks: n("unique_clicks"),
		bot_clicks: n("bot_clicks"),
		links: (links?.results ?? []) as { url: string; clicks: number; unique_clicks: number }[],
		timeline: ((timeline?.results ?? []) as { hour: number; opens: number; clicks: number }[]).map((r) => ({
			at: new Date(r.hour).toISOString(),
			opens: r.opens,
			clicks: r.clicks,
		})),
	};
}

type MessageRow = {
	id: string;
	contact_id: string;
	email: string;
	status: (typeof MESSAGE_STATUSES)[number];
	attempts: number;
	last_error: string | null;
	provider_id: string | null;
	sent_at: number | null;
	opened_at: number | null;
	clicked_at: number | null;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The per-recipient log, in send order. */
export async function campaignMessages(
	d1: D1Database,
	campaignId: string,
	query: { limit: number; cursor?: string; status?: string },
) {
	const after = startAfter(query, "asc");
	const { results } = await d1
		.prepare(
			`SELECT id, contact_id, email, status, attempts, last_error, provider_id, sent_at, opened_at, clicked_at FROM messages
			 WHERE campaign_id = ? AND id > ? ${query.status ? "AND status = ?" : ""} ORDER BY id LIMIT ?`,
		)
		.bind(campaignId, after, ...(query.status ? [query.status] : []), query.limit + 1)
		.all<MessageRow>();
	return pageOf(results, query, (r) => ({
		...r,
		id: undefined,
		sent_at: iso(r.sent_at),
		opened_at: iso(r.opened_at),
		clicked_at: iso(r.clicked_at),
	}));
}
