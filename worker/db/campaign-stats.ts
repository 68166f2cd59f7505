import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { CampaignStats, CampaignStatus, Engagement } from "../contracts/campaigns";
import { BUCKET_MS, type BucketSize, chooseBucket } from "../domain/reports/buckets";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { messages, trackingEvents } from "./schema-contacts";

type MessageNumbers = Pick<
	CampaignStats,
	| "audience"
	| "queued"
	| "sent"
	| "delivered"
	| "failed"
	| "suppressed"
	| "cancelled"
	| "capped"
	| "bounced"
	| "complained"
>;

const t = trackingEvents;
const num = (value: unknown) => Number(value ?? 0);
const isOpen = sql`${t.kind} = 'open'`;
const isClick = sql`${t.kind} = 'click'`;

export async function campaignStatusOf(db: Db, campaignId: string): Promise<CampaignStatus | null> {
	const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
	return row?.status ?? null;
}

const byStatus = (db: Db, campaignId: string) =>
	db
		.select({ status: messages.status, n: count() })
		.from(messages)
		.where(eq(messages.campaignId, campaignId))
		.groupBy(messages.status);

/**
 * `sent` counts every message the provider accepted (some since delivered, bounced or complained), so
 * the numbers reconcile by construction: audience = queued + sent + failed + suppressed + cancelled.
 */
function messageNumbers(rows: { status: string; n: number }[]): MessageNumbers {
	const c = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
	return {
		audience: rows.reduce((sum, r) => sum + r.n, 0),
		queued: c("queued"),
		sent: c("sent") + c("delivered") + c("bounced") + c("complained"),
		delivered: c("delivered") + c("complained"),
		failed: c("failed"),
		suppressed: c("suppressed"),
		cancelled: c("cancelled"),
		capped: c("capped"),
		bounced: c("bounced"),
		complained: c("complained"),
	};
}

/**
 * A campaign's numbers, from D1 (the source of truth), in one batch. Machine opens and bot clicks are
 * counted apart and never in the unique (engagement) figures.
 */
export async function loadCampaignStats(
	db: Db,
	campaignId: string,
	status: CampaignStatus,
	options: { providerReportsDelivery?: boolean } = {},
): Promise<CampaignStats> {
	const hour = sql<number>`(${t.occurredAt} / 3600000) * 3600000`;
	const [statuses, [tracking], links, timeline] = await db.batch([
		byStatus(db, campaignId),
		db
			.select({
				opens: sql`sum(${isOpen})`.mapWith(num),
				unique_opens: sql`count(DISTINCT CASE WHEN ${isOpen} AND ${t.flag} IS NULL THEN ${t.contactId} END)`.mapWith(
					num,
				),
				machine_opens: sql`sum(${isOpen} AND ${t.flag} = 'machine')`.mapWith(num),
				clicks: sql`sum(${isClick})`.mapWith(num),
				unique_clicks: sql`count(DISTINCT CASE WHEN ${isClick} AND ${t.flag} IS NULL THEN ${t.contactId} END)`.mapWith(
					num,
				),
				bot_clicks: sql`sum(${isClick} AND ${t.flag} = 'bot')`.mapWith(num),
				unsubscribed: sql`count(DISTINCT CASE WHEN ${t.kind} = 'unsubscribe' THEN ${t.contactId} END)`.mapWith(num),
			})
			.from(t)
			.where(eq(t.campaignId, campaignId)),
		db
			.select({
				url: sql<string>`${t.url}`,
				clicks: count(),
				unique_clicks: sql`count(DISTINCT CASE WHEN ${t.flag} IS NULL THEN ${t.contactId} END)`.mapWith(num),
			})
			.from(t)
			.where(and(eq(t.campaignId, campaignId), eq(t.kind, "click")))
			.groupBy(t.url)
			.orderBy(sql`count(*) DESC`)
			.limit(100),
		db
			.select({
				hour,
				opens: sql`sum(${isOpen} AND ${t.flag} IS NULL)`.mapWith(num),
				clicks: sql`sum(${isClick} AND ${t.flag} IS NULL)`.mapWith(num),
			})
			.from(t)
			.where(and(eq(t.campaignId, campaignId), inArray(t.kind, ["open", "click"])))
			.groupBy(hour)
			.orderBy(hour),
	]);
	const numbers = messageNumbers(statuses);
	return {
		status,
		...numbers,
		unsubscribed: tracking?.unsubscribed ?? 0,
		opens: tracking?.opens ?? 0,
		unique_opens: tracking?.unique_opens ?? 0,
		machine_opens: tracking?.machine_opens ?? 0,
		clicks: tracking?.clicks ?? 0,
		unique_clicks: tracking?.unique_clicks ?? 0,
		bot_clicks: tracking?.bot_clicks ?? 0,
		links,
		timeline: timeline.map((r) => ({ at: new Date(Number(r.hour)).toISOString(), opens: r.opens, clicks: r.clicks })),
		provider_reports_delivery: Boolean(options.providerReportsDelivery),
	};
}

/**
 * Opens and clicks over time in buckets chosen by the span of the campaign's engagement (minutes for its first
 * hours, then hours, then days): people and machines/bots apart.
 */
export async function loadReportTimeline(db: Db, campaignId: string) {
	const engagement = and(eq(t.campaignId, campaignId), inArray(t.kind, ["open", "click"]));
	const [span] = await db
		.select({ from: sql`min(${t.occurredAt})`.mapWith(num), to: sql`max(${t.occurredAt})`.mapWith(num) })
		.from(t)
		.where(engagement);
	const bucket: BucketSize = span?.from ? chooseBucket(span.from, span.to) : "minute";
	// A constant of the bucket table, inlined: a bound number would make the division a real one.
	const size = sql.raw(String(BUCKET_MS[bucket]));
	const at = sql<number>`(${t.occurredAt} / ${size}) * ${size}`;
	const rows = await db
		.select({
			at,
			opens: sql`sum(${isOpen} AND ${t.flag} IS NULL)`.mapWith(num),
			clicks: sql`sum(${isClick} AND ${t.flag} IS NULL)`.mapWith(num),
			machine_opens: sql`sum(${isOpen} AND ${t.flag} IS NOT NULL)`.mapWith(num),
			bot_clicks: sql`sum(${isClick} AND ${t.flag} IS NOT NULL)`.mapWith(num),
		})
		.from(t)
		.where(engagement)
		.groupBy(at)
		.orderBy(at);
	return { bucket, points: rows.map((r) => ({ ...r, at: new Date(Number(r.at)).toISOString() })) };
}

/** Headline results of many campaigns in one grouped read of the message log (one JSON parameter for the ids). */
export function campaignResults(db: Db, campaignIds: string[]) {
	const ids = sql`(SELECT value FROM json_each(${JSON.stringify(campaignIds)}))`;
	return db
		.select({
			campaignId: messages.campaignId,
			sent: sql`sum(${messages.status} IN ('sent', 'delivered', 'bounced', 'complained'))`.mapWith(num),
			opened: sql`count(${messages.openedAt})`.mapWith(num),
			clicked: sql`count(${messages.clickedAt})`.mapWith(num),
		})
		.from(messages)
		.where(inArray(messages.campaignId, ids))
		.groupBy(messages.campaignId);
}

const TRACKING_KIND: Record<Engagement, string> = {
	opened: "open",
	clicked: "click",
	bounced: "bounce",
	unsubscribed: "unsubscribe",
};

/** A recipient who did `engagement` in this campaign, by the segment rule's definition (people only for opens and clicks). */
function engaged(engagement: Engagement) {
	const kind = TRACKING_KIND[engagement];
	const people = kind === "open" || kind === "click" ? sql` AND ${t.flag} IS NULL` : sql``;
	return sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.contactId} = ${messages.contactId} AND ${t.kind} = ${kind} AND ${t.campaignId} = ${messages.campaignId}${people})`;
}

export type MessageFilter = { status?: string; engagement?: Engagement; q?: string };

/** One page of the per-recipient log, in send order (`limit + 1` rows: the extra one says more exist). */
export function campaignMessagePage(
	db: Db,
	campaignId: string,
	page: { after: string; limit: number } & MessageFilter,
) {
	return db
		.select({
			id: messages.id,
			contact_id: messages.contactId,
			email: messages.email,
			status: messages.status,
			attempts: messages.attempts,
			last_error: messages.lastError,
			provider_id: messages.providerId,
			sent_at: messages.sentAt,
			opened_at: messages.openedAt,
			clicked_at: messages.clickedAt,
			variant_id: messages.variantId,
			scheduled_for: messages.scheduledFor,
		})
		.from(messages)
		.where(
			and(
				eq(messages.campaignId, campaignId),
				gt(messages.id, page.after),
				page.status ? eq(messages.status, page.status) : undefined,
				page.engagement ? engaged(page.engagement) : undefined,
				page.q ? sql`instr(${messages.email}, lower(${page.q})) > 0` : undefined,
			),
		)
		.orderBy(asc(messages.id))
		.limit(page.limit + 1);
}
